#pragma once

#include "core/ZiaTypes.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace zc {

class AppServices;
class MessageBar;
struct ZiaUrlEditResult;

// The custom URL category editor: the tenant's custom categories, the URLs of the selected one,
// add URLs (checked and normalised as you type) and remove the selected URLs (asks first). A
// sent change makes the tenant's configuration PENDING until someone activates it. All calls go
// through ZiaService to the worker thread; writes are disabled in read-only mode.
class UrlCategoryWidget : public QWidget
{
    Q_OBJECT
public:
    explicit UrlCategoryWidget(AppServices *services, QWidget *parent = nullptr);

    void setClient(const QString &tenantId, const QString &clientId);
    void setWritable(bool writable);

    QListWidget *categoryList() const { return m_categories; }
    QListWidget *urlList() const { return m_urls; }
    QLineEdit *urlEdit() const { return m_input; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    MessageBar *resultBar() const { return m_result; }
    QString validationText() const;
    bool isBusy() const { return m_busy; }
    QString currentCategoryId() const;
    bool selectCategory(const QString &idOrName);

public slots:
    void reload();
    void addUrls();
    void removeSelected();

signals:
    void statusMessage(const QString &text);
    void categoriesLoaded(int count);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onLoaded(const QString &clientId, const QList<ZiaUrlCategory> &categories, const ApiError &error,
                  bool readOnly);
    void onEdited(const QString &clientId, const ZiaUrlEditResult &result);
    void showCategory();
    void validateInput();
    void updateButtons();
    void showResult(int type, const QString &text);
    void edit(const QStringList &urls, bool add);

    AppServices *m_services;
    QString m_tenantId;
    QString m_clientId;
    QList<ZiaUrlCategory> m_list;
    QListWidget *m_categories;
    QListWidget *m_urls;
    QLineEdit *m_input;
    QLabel *m_validation;
    QLabel *m_urlsTitle;
    QPushButton *m_reload;
    QPushButton *m_add;
    QPushButton *m_remove;
    MessageBar *m_result;
    QString m_pendingSelect;
    bool m_writable = true;
    bool m_busy = false;
    bool m_loading = false;
    bool m_stale = false;
    bool m_lastAdd = true;
};

} // namespace zc
