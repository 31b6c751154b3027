#pragma once

#include <QWidget>

class QLabel;
class QSettings;
class QSplitter;
class QTabWidget;

namespace zc {

class AppServices;
class MessageBar;
class TableView;
class UrlCategoryWidget;
class UrlLookupWidget;
class ZiaStatusPanel;
class ZiaTenantModel;

// The ZIA page: every ZIA tenant with its activation badge (ACTIVE / PENDING / INPROGRESS), the
// selected tenant's status and activation (ZiaStatusPanel), a read-only banner while the
// tenant's API is in read-only mode (writes disabled until it ends), and tabs for the custom URL
// category editor and the URL lookup. While the page is on screen the tenants are watched
// (polled with backoff); when it is not, only tenants with pending changes are.
class ZiaPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab { CategoriesTab, LookupTab };

    explicit ZiaPage(AppServices *services, QWidget *parent = nullptr);

    ZiaStatusPanel *panel() const { return m_panel; }
    UrlCategoryWidget *categories() const { return m_categories; }
    UrlLookupWidget *lookup() const { return m_lookup; }
    TableView *tenantView() const { return m_view; }
    QTabWidget *tabs() const { return m_tabs; }
    MessageBar *readOnlyBar() const { return m_readOnly; }

    QString currentTenant() const { return m_tenantId; }
    bool selectTenant(const QString &tenantId);
    // The banner's tenant: selected here when it has ZIA clients.
    void setActiveTenant(const QString &tenantId);

    void saveState(QSettings *settings) const;
    void restoreState(QSettings *settings);

signals:
    void statusMessage(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void onCurrentRow();
    void updateReadOnly();
    void updateSummary();

    AppServices *m_services;
    QString m_tenantId;
    QLabel *m_summary;
    MessageBar *m_readOnly;
    ZiaTenantModel *m_model;
    TableView *m_view;
    ZiaStatusPanel *m_panel;
    QTabWidget *m_tabs;
    UrlCategoryWidget *m_categories;
    UrlLookupWidget *m_lookup;
    QSplitter *m_split;
};

} // namespace zc
