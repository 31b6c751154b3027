// sim_data: the generated data set and the stateful APIs (ZPA in tst_sim_data.cpp, ZIA and
// ZIdentity in tst_sim_data_zia_zid.cpp).
#pragma once

#include "SimTestUtil.h"

class TestSimData : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tenThousandSegmentsPaged();
    void microtenantsPartition();
    void generatedDataIsAwkward();
    void searchEqAndContains();
    void segmentCrudRoundTrip();
    void portValidation();
    void zidentityClientsAndEnvelope();
    void zidentitySecretRules();
    void activationStateMachine();
    void sessionEndActivates();
    void urlLookupLimits();
    void deterministicForSeed();
    void stateDirReuse();
    void cleanupTestCase();

private:
    QString seg(const QString &rest = {}) const { return m_client->zpaBase(true) + QStringLiteral("/application") + rest; }
    HeaderPairs auth() { return SimClient::bearer(m_client->oneApiToken()); }
    QList<QJsonObject> allSegments(const QString &extraQuery = {});
    QJsonObject newSegmentBody(const QString &name, const QString &domain);

    std::unique_ptr<zsim::SimulatorThread> m_sim;
    std::unique_ptr<SimClient> m_client;
};
