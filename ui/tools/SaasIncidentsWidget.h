#pragma once

#include "core/SaasIncident.h"

#include <QWidget>

class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;

namespace zc {

class AppServices;
class ClientCombo;
class MessageBar;
class SaasIncidentModel;
class TableView;

// Palo Alto SaaS Security: the first page of a saas-security client's incidents (one read that
// shows the client's token works), sortable.
class SaasIncidentsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit SaasIncidentsWidget(AppServices *services, QWidget *parent = nullptr);

    ClientCombo *clientCombo() const { return m_client; }
    QPushButton *loadButton() const { return m_load; }
    SaasIncidentModel *model() const { return m_model; }
    MessageBar *resultBar() const { return m_result; }

public slots:
    void load();

signals:
    void statusMessage(const QString &text);

private:
    void onFinished(const QString &clientId, const SaasIncidentsReply &reply);

    AppServices *m_services;
    ClientCombo *m_client;
    QSpinBox *m_limit;
    QPushButton *m_load;
    SaasIncidentModel *m_model;
    QSortFilterProxyModel *m_proxy;
    TableView *m_view;
    MessageBar *m_result;
    bool m_busy = false;
};

} // namespace zc
