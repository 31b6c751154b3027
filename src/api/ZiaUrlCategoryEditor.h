#pragma once

#include "api/ZiaApi.h"
#include "core/AuditSink.h"
#include "core/ZiaResults.h"

#include <QJsonValue>
#include <QMetaType>
#include <QObject>

namespace zc {

// One URL-category change, for the audit log (toAuditRecord() maps it to an AuditRecord).
struct ZiaAuditEntry
{
    QString tenantId;
    QString tenantName;
    QString client;      // API client name
    QString action;      // "addUrls" | "removeUrls"
    QString objectType;  // "zia.urlCategory"
    QString objectId;    // "CUSTOM_01"
    QString objectName;
    QJsonValue before;   // {"urls": [...]} as read before the change
    QJsonValue after;    // {"urls": [...]} as the server answered
    QString result;      // "ok" or the error
};

// The one ZIA edit path: add or remove URLs of a custom URL category, addressed by id
// ("CUSTOM_01") or configured name (case-insensitive). Checks and normalises the URLs
// (UrlLookup::normalize with leading-dot wildcards allowed), reads the category list to find
// the category, then ZiaApi::addUrls/removeUrls (GET before PUT; only what changes is sent).
// A sent change makes the tenant's configuration PENDING until someone activates it, and is
// handed to the audit hook (the AuditSink once wired; nothing secret is in an entry).
// Lives in the thread of its ZiaApi.
class ZiaUrlCategoryEditor : public QObject
{
    Q_OBJECT
public:
    using AuditHook = std::function<void(const ZiaAuditEntry &)>;

    explicit ZiaUrlCategoryEditor(ZiaApi *api, QObject *parent = nullptr);
    void setAuditHook(AuditHook hook) { m_audit = std::move(hook); }
    // Writes every sent change (and every failed attempt to send one) to `log` (not owned; must
    // outlive the editor; its appends must be safe from this thread, as store/AuditLog's are).
    void setAuditLog(AuditSink *log);
    static AuditRecord toAuditRecord(const ZiaAuditEntry &entry);
    bool isBusy() const { return m_busy; }

public slots:
    void addUrls(const QString &clientId, const QString &category, const QStringList &urls);
    void removeUrls(const QString &clientId, const QString &category, const QStringList &urls);

signals:
    void finished(const zc::ZiaUrlEditResult &result);

private:
    void edit(const QString &clientId, const QString &category, const QStringList &urls, bool add);
    void done(ZiaUrlEditResult result);

    ZiaApi *m_api;
    AuditHook m_audit;
    bool m_busy = false;
};

} // namespace zc

