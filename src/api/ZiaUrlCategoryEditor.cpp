#include "api/ZiaUrlCategoryEditor.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimer>

namespace zc {

namespace {
QJsonValue urlsJson(const QStringList &urls)
{
    QJsonArray a;
    for (const QString &u : urls)
        a.append(u);
    return QJsonObject{{QStringLiteral("urls"), a}};
}
} // namespace

ZiaUrlCategoryEditor::ZiaUrlCategoryEditor(ZiaApi *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
    qRegisterMetaType<zc::ZiaUrlEditResult>();
}

AuditRecord ZiaUrlCategoryEditor::toAuditRecord(const ZiaAuditEntry &e)
{
    AuditRecord r;
    r.time = QDateTime::currentDateTimeUtc();
    r.tenantId = e.tenantId;
    r.tenantName = e.tenantName;
    r.client = e.client;
    r.action = e.action;
    r.objectType = e.objectType;
    r.objectId = e.objectId;
    r.objectName = e.objectName;
    r.before = e.before;
    r.after = e.after;
    r.result = e.result;
    return r;
}

void ZiaUrlCategoryEditor::setAuditLog(AuditSink *log)
{
    if (!log) {
        m_audit = nullptr;
        return;
    }
    m_audit = [log](const ZiaAuditEntry &e) {
        QString why;
        if (!log->append(toAuditRecord(e), &why))
            qCWarning(lcZia).noquote() << "could not write the audit log:" << why;
    };
}

void ZiaUrlCategoryEditor::addUrls(const QString &clientId, const QString &category, const QStringList &urls)
{
    edit(clientId, category, urls, true);
}

void ZiaUrlCategoryEditor::removeUrls(const QString &clientId, const QString &category, const QStringList &urls)
{
    edit(clientId, category, urls, false);
}

void ZiaUrlCategoryEditor::done(ZiaUrlEditResult result)
{
    m_busy = false;
    emit finished(result);
}

void ZiaUrlCategoryEditor::edit(const QString &clientId, const QString &category, const QStringList &urls, bool add)
{
    ZiaUrlEditResult res;
    res.input = UrlLookup::prepare(urls, true);
    auto refuse = [this](ZiaUrlEditResult r) {
        QTimer::singleShot(0, this, [this, r] { emit finished(r); });
    };
    if (m_busy) {
        res.error = ApiError::make(ErrorKind::Usage, tr("another URL category change is still running"));
        refuse(res);
        return;
    }
    if (res.input.urls.isEmpty()) {
        res.error = ApiError::make(ErrorKind::Usage, res.input.invalid.isEmpty()
                                                         ? tr("no URL given")
                                                         : tr("no valid URL given (%1 refused: %2)")
                                                               .arg(res.input.invalid.size())
                                                               .arg(res.input.invalid.first().reason));
        refuse(res);
        return;
    }
    m_busy = true;
    m_api->urlCategories(clientId, true, this, [=, this](const ZiaReply<QList<ZiaUrlCategory>> &list) mutable {
        if (!list.ok()) {
            res.error = list.error;
            res.readOnly = list.readOnly;
            done(res);
            return;
        }
        const ZiaUrlCategory *found = nullptr;
        for (const ZiaUrlCategory &c : list.value)
            if (c.id == category)
                found = &c;
        for (const ZiaUrlCategory &c : list.value)
            if (!found && c.configuredName.compare(category, Qt::CaseInsensitive) == 0)
                found = &c;
        if (!found) {
            res.error = ApiError::make(ErrorKind::Usage, tr("tenant \"%1\" has no custom URL category \"%2\" "
                                                            "(give its id, e.g. CUSTOM_01, or its name)")
                                                             .arg(m_api->tenantNameOf(clientId), category));
            done(res);
            return;
        }
        const QString id = found->id;
        const QString name = found->displayName();
        auto after = [=, this](const ZiaReply<ZiaUrlEdit> &r) mutable {
            res.edit = r.value;
            res.error = r.error;
            res.readOnly = r.readOnly;
            if (m_audit && (r.value.sent || !r.ok()) && r.error.kind != ErrorKind::Usage) {
                const AuthTarget *t = m_api->caller()->broker()->target(clientId);
                ZiaAuditEntry a;
                a.tenantId = m_api->tenantIdOf(clientId);
                a.tenantName = m_api->tenantNameOf(clientId);
                a.client = t ? t->client.name : clientId;
                a.action = add ? QStringLiteral("addUrls") : QStringLiteral("removeUrls");
                a.objectType = QStringLiteral("zia.urlCategory");
                a.objectId = id;
                a.objectName = name;
                QStringList before = r.value.category.urls;
                if (r.value.sent) { // category is the state after the change: undo it for "before"
                    for (const QString &u : r.value.changed) {
                        if (add)
                            before.removeAll(u);
                        else if (!before.contains(u))
                            before.append(u);
                    }
                    a.after = urlsJson(r.value.category.urls);
                }
                a.before = urlsJson(before);
                a.result = r.ok() ? QStringLiteral("ok") : r.error.message;
                m_audit(a);
            }
            done(res);
        };
        if (add)
            m_api->addUrls(clientId, id, res.input.urls, this, after);
        else
            m_api->removeUrls(clientId, id, res.input.urls, this, after);
    });
}

} // namespace zc
