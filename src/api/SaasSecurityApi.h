#pragma once

#include "auth/ApiCaller.h"
#include "core/SaasIncident.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QObject>

namespace zc {

// Palo Alto SaaS Security public API: one read that proves a client's token works.
// Lives in the thread of its ApiCaller.
class SaasSecurityApi : public QObject
{
    Q_OBJECT
public:
    static constexpr int MinLimit = 10;   // the server clamps `limit` to 10…1000
    static constexpr int MaxLimit = 1000;

    explicit SaasSecurityApi(ApiCaller *caller, QObject *parent = nullptr);

    // GET /incident/api/incidents/delta?limit=N: the first page of incidents (at most `limit`;
    // asks for at least MinLimit and trims the reply to `limit`).
    void incidents(const QString &clientId, int limit, QObject *ctx,
                   std::function<void(const SaasIncidentsReply &)> done, CancelHandle cancel = {});

private:
    ApiCaller *m_caller;
};

} // namespace zc

