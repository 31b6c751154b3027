// Core value types: validation, JSON mapping, derived endpoints.
#include "core/ApiClient.h"
#include "core/Cloud.h"
#include "core/Endpoints.h"
#include "core/Ids.h"
#include "core/Tenant.h"

#include <QTemporaryDir>
#include <QTest>

using namespace zc;

class TestCoreTypes : public QObject
{
    Q_OBJECT
private:
    static Tenant validTenant()
    {
        Tenant t;
        t.name = QStringLiteral("Acme");
        t.cloud = QStringLiteral("zscalertwo");
        return t;
    }
    static QStringList fields(const ValidationIssues &issues)
    {
        QStringList out;
        for (const auto &i : issues)
            out << i.field;
        return out;
    }

private slots:
    void tenantValidation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("badField"); // empty = valid
        QTest::newRow("ok") << "name" << "Acme Prod ✓ 東京" << "";
        QTest::newRow("empty name") << "name" << "   " << "name";
        QTest::newRow("newline name") << "name" << "a\nb" << "name";
        QTest::newRow("digits customer") << "zpaCustomerId" << "216196257331281920" << "";
        QTest::newRow("letters customer") << "zpaCustomerId" << "2161x" << "zpaCustomerId";
        QTest::newRow("negative customer") << "zpaCustomerId" << "-5" << "zpaCustomerId";
        QTest::newRow("too long customer") << "zpaCustomerId" << QString(21, QLatin1Char('1')) << "zpaCustomerId";
        QTest::newRow("org id letters") << "ziaOrgId" << "89a" << "ziaOrgId";
        QTest::newRow("known cloud") << "cloud" << "zscalerbeta" << "";
        QTest::newRow("unknown cloud") << "cloud" << "nowhere" << "cloud";
        QTest::newRow("vanity ok") << "vanity" << "acme-corp" << "";
        QTest::newRow("vanity dots") << "vanity" << "a.b" << "vanity";
        QTest::newRow("colour ok") << "color" << "#1e90ff" << "";
        QTest::newRow("colour bad") << "color" << "#12345z" << "color";
        QTest::newRow("zid route gateway") << "zidRoute" << "gateway" << "";
        QTest::newRow("zid route direct") << "zidRoute" << "direct" << "";
        QTest::newRow("zid route other") << "zidRoute" << "proxy" << "zidRoute";
        QTest::newRow("zid url https") << "zidDirectUrl" << "https://127.0.0.1:8443" << "";
        QTest::newRow("zid url http") << "zidDirectUrl" << "http://acme-admin.zslogin.net" << "zidDirectUrl";
        QTest::newRow("zid url no host") << "zidDirectUrl" << "https://" << "zidDirectUrl";
    }
    void tenantValidation()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, badField);
        Tenant t = validTenant();
        if (field == QLatin1String("name")) t.name = value;
        if (field == QLatin1String("zpaCustomerId")) t.zpaCustomerId = value;
        if (field == QLatin1String("ziaOrgId")) t.ziaOrgId = value;
        if (field == QLatin1String("cloud")) t.cloud = value;
        if (field == QLatin1String("vanity")) t.vanity = value;
        if (field == QLatin1String("color")) t.color = value;
        if (field == QLatin1String("zidRoute")) t.zidRoute = value;
        if (field == QLatin1String("zidDirectUrl")) t.zidDirectUrl = value;
        const ValidationIssues issues = t.validate();
        if (badField.isEmpty())
            QVERIFY2(issues.isEmpty(), qPrintable(joinIssues(issues)));
        else
            QCOMPARE(fields(issues), QStringList{badField});
    }

    void customCloud()
    {
        Tenant t = validTenant();
        t.setCloudFromInput(QStringLiteral("zsapi.example.net"));
        QCOMPARE(t.cloud, QStringLiteral("custom"));
        QCOMPARE(t.customHost, QStringLiteral("zsapi.example.net"));
        QVERIFY(t.validate().isEmpty());
        t.setCloudFromInput(QStringLiteral("zscalerbeta.net"));
        QCOMPARE(t.cloud, QStringLiteral("zscalerbeta"));
        t.setCloudFromInput(QStringLiteral("https://bad host/"));
        QCOMPARE(fields(t.validate()), QStringList{QStringLiteral("cloud")});
    }

    void normalizeVanity_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << "acme" << "acme";
        QTest::newRow("host") << "acme.zslogin.net" << "acme";
        QTest::newRow("beta url") << "https://Acme.zsloginbeta.net/" << "acme";
        QTest::newRow("admin host") << "acme-admin.zslogin.net" << "acme";
        QTest::newRow("gov") << "acme.zidentitygov.net" << "acme";
    }
    void normalizeVanity()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(Tenant::normalizeVanity(in), out);
    }

    void tenantJsonRoundTrip()
    {
        Tenant t = validTenant();
        t.id = newTenantId();
        t.vanity = QStringLiteral("acme");
        t.zpaCustomerId = QStringLiteral("216196257331281920");
        t.notes = QStringLiteral("<b>markup</b> & \"quotes\"\nZürich");
        t.color = QStringLiteral("#c0392b");
        t.isProtected = true;
        t.zidAdminClient = QStringLiteral("zid admin");
        t.zidRoute = QStringLiteral("direct");
        t.zidDirectUrl = QStringLiteral("https://acme-admin.zslogin.net");
        t.created = t.modified = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        QCOMPARE(Tenant::fromJson(t.toJson()), t);
        QVERIFY(isStableId(t.id));
        QVERIFY(!isStableId(QStringLiteral("Acme Prod")));
    }

    void clientValidationPerKind_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("missing");
        QTest::newRow("oneapi-secret") << "oneapi-secret" << QStringList{"clientId"};
        QTest::newRow("oneapi-jwt") << "oneapi-jwt" << QStringList{"clientId"};
        QTest::newRow("zpa-legacy") << "zpa-legacy" << QStringList{"clientId"};
        QTest::newRow("zia-legacy") << "zia-legacy" << QStringList{"username"};
        QTest::newRow("zia-oauth") << "zia-oauth" << QStringList{"clientId", "scope", "tokenUrl"};
        QTest::newRow("saas-security") << "saas-security" << QStringList{"clientId", "region"};
        QTest::newRow("apptotal-key") << "apptotal-key" << QStringList{};
        QTest::newRow("sandbox-token") << "sandbox-token" << QStringList{};
    }
    void clientValidationPerKind()
    {
        QFETCH(QString, kind);
        QFETCH(QStringList, missing);
        ApiClient c;
        c.name = QStringLiteral("c1");
        c.tenantId = QStringLiteral("t-00000001");
        QVERIFY(parseAuthKind(kind, &c.kind));
        QCOMPARE(authKindName(c.kind), kind);
        QCOMPARE(fields(c.validate()), missing);
    }

    void secretFieldsPerKind()
    {
        ApiClient c;
        c.kind = AuthKind::ZiaLegacy;
        QCOMPARE(c.secretFields(), (QList<SecretField>{SecretField::Password, SecretField::ApiKey}));
        c.kind = AuthKind::OneApiJwt;
        QCOMPARE(c.secretFields(), QList<SecretField>{SecretField::PrivateKey});
        c.id = QStringLiteral("c-1234abcd");
        QCOMPARE(c.keychainKey(SecretField::PrivateKey), QStringLiteral("c-1234abcd/private-key"));
        c.name = QStringLiteral("Prod 東京 / \"x\"");
        QVERIFY(!c.keychainKey(SecretField::PrivateKey).contains(QStringLiteral("東京")));
    }

    void clientUrlValidation()
    {
        ApiClient c;
        c.name = QStringLiteral("c");
        c.tenantId = QStringLiteral("t-00000001");
        c.kind = AuthKind::ZiaOAuth;
        c.clientId = QStringLiteral("id");
        c.scope = QStringLiteral("zscalerbeta.net::8956412::Role");
        c.tokenUrl = QStringLiteral("http://idp.example.com/token");
        QCOMPARE(fields(c.validate()), QStringList{QStringLiteral("tokenUrl")});
        c.tokenUrl = QStringLiteral("https://idp.example.com/token");
        c.baseUrl = QStringLiteral("https://zsapi.zscalerbeta.net?x=1");
        QCOMPARE(fields(c.validate()), QStringList{QStringLiteral("baseUrl")});
        c.baseUrl = QStringLiteral("https://zsapi.zscalerbeta.net");
        c.scope = QStringLiteral("just-a-role");
        QCOMPARE(fields(c.validate()), QStringList{QStringLiteral("scope")});
    }

    void caFileMustHoldCertificates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ca.pem"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a certificate\n");
        f.close();
        ApiClient c;
        c.name = QStringLiteral("c");
        c.tenantId = QStringLiteral("t-00000001");
        c.kind = AuthKind::AppTotalKey;
        c.caFile = path;
        QCOMPARE(fields(c.validateWithFiles()), QStringList{QStringLiteral("caFile")});
        c.caFile = dir.filePath(QStringLiteral("missing.pem"));
        QCOMPARE(fields(c.validateWithFiles()), QStringList{QStringLiteral("caFile")});
    }

    void clientJsonRoundTrip()
    {
        ApiClient c;
        c.id = newClientId();
        c.tenantId = newTenantId();
        c.name = QStringLiteral("ZIA OAuth");
        c.kind = AuthKind::ZiaOAuth;
        c.clientId = QStringLiteral("0oa1");
        c.scope = QStringLiteral("zscalerbeta.net::8956412::Role");
        c.tokenUrl = QStringLiteral("https://idp.example.com/oauth2/token");
        c.clientAuth = ClientAuthStyle::Body;
        c.secretsSetAt.insert(SecretField::Secret, QDateTime(QDate(2026, 5, 6), QTime(7, 8, 9), Qt::UTC));
        c.created = c.modified = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        QCOMPARE(ApiClient::fromJson(c.toJson()), c);
    }

    void endpoints_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("cloud");
        QTest::addColumn<QString>("baseOverride");
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("token");
        QTest::newRow("oneapi prod") << "oneapi-secret" << "zscaler" << "" << "https://api.zsapi.net" << "https://acme.zslogin.net/oauth2/v1/token";
        QTest::newRow("oneapi beta") << "oneapi-jwt" << "zscalerbeta" << "" << "https://api.beta.zsapi.net" << "https://acme.zsloginbeta.net/oauth2/v1/token";
        QTest::newRow("oneapi gov") << "oneapi-secret" << "zscalergov" << "" << "https://api.zscalergov.net" << "https://acme.zidentitygov.net/oauth2/v1/token";
        QTest::newRow("zpa prod") << "zpa-legacy" << "zscalertwo" << "" << "https://config.private.zscaler.com" << "https://config.private.zscaler.com/signin";
        QTest::newRow("zpa beta") << "zpa-legacy" << "zscalerbeta" << "" << "https://config.zpabeta.net" << "https://config.zpabeta.net/signin";
        QTest::newRow("zia legacy") << "zia-legacy" << "zscalerthree" << "" << "https://zsapi.zscalerthree.net" << "https://zsapi.zscalerthree.net/api/v1/authenticatedSession";
        QTest::newRow("zpa override") << "zpa-legacy" << "zscaler" << "https://127.0.0.1:8443/" << "https://127.0.0.1:8443" << "https://127.0.0.1:8443/signin";
        QTest::newRow("saas") << "saas-security" << "zscaler" << "" << "https://api.aperture-eu.paloaltonetworks.com" << "https://api.aperture-eu.paloaltonetworks.com/oauth/token";
        QTest::newRow("apptotal") << "apptotal-key" << "zscaler" << "" << "https://api.apptotal.zscaler.com" << "";
        QTest::newRow("sandbox") << "sandbox-token" << "zscloud" << "" << "https://csbapi.zscloud.net" << "";
    }
    void endpoints()
    {
        QFETCH(QString, kind);
        QFETCH(QString, cloud);
        QFETCH(QString, baseOverride);
        QFETCH(QString, base);
        QFETCH(QString, token);
        Tenant t = validTenant();
        t.cloud = cloud;
        t.vanity = QStringLiteral("acme");
        ApiClient c;
        QVERIFY(parseAuthKind(kind, &c.kind));
        c.region = QStringLiteral("eu");
        c.baseUrl = baseOverride;
        const ClientEndpoints e = Endpoints::forClient(c, t);
        QCOMPARE(e.baseUrl, base);
        QCOMPARE(e.tokenUrl, token);
    }

    void tokenUrlOverrideWins()
    {
        Tenant t = validTenant();
        ApiClient c;
        c.kind = AuthKind::OneApiSecret;
        c.tokenUrl = QStringLiteral("https://127.0.0.1:9/oauth2/v1/token");
        QCOMPARE(Endpoints::forClient(c, t).tokenUrl, c.tokenUrl);
    }

    void zidentityAdminBase()
    {
        Tenant t = validTenant();
        t.vanity = QStringLiteral("acme");
        ApiClient c;
        c.kind = AuthKind::OneApiSecret;
        t.cloud = QStringLiteral("zscaler");
        QCOMPARE(Endpoints::zidentityAdminBase(c, t), QStringLiteral("https://api.zsapi.net/ziam/admin/api/v1"));
        c.baseUrl = QStringLiteral("https://127.0.0.1:9443/");
        QCOMPARE(Endpoints::zidentityAdminBase(c, t), QStringLiteral("https://127.0.0.1:9443/ziam/admin/api/v1"));
        t.zidRoute = QStringLiteral("direct");
        QCOMPARE(Endpoints::zidentityAdminBase(c, t), QStringLiteral("https://acme-admin.zslogin.net/admin/api/v1"));
        t.cloud = QStringLiteral("zscalerbeta");
        QCOMPARE(Endpoints::zidentityAdminBase(c, t), QStringLiteral("https://acme-admin.zsloginbeta.net/admin/api/v1"));
        t.zidDirectUrl = QStringLiteral("https://127.0.0.1:9443/");
        QCOMPARE(Endpoints::zidentityAdminBase(c, t), QStringLiteral("https://127.0.0.1:9443/admin/api/v1"));
    }
};

QTEST_GUILESS_MAIN(TestCoreTypes)
#include "tst_coretypes.moc"
