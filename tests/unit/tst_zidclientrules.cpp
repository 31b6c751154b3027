// ZidClientRules (issue 12): the Admin Portal's rules for an API client, as the GUI's editor and
// `zid client create|update --file` apply them — with values written out here, not computed by
// the code under test.
#include "auth/RsaKeyPair.h"
#include "services/ZidClientRules.h"

#include <QTest>

using namespace zc;

namespace {
QList<ZidResourceServer> servers()
{
    ZidResourceServer s;
    s.id = QStringLiteral("rs1");
    s.name = QStringLiteral("Zscaler APIs");
    s.defaultApi = true;
    s.services = {{QStringLiteral("zia"), QStringLiteral("zia"), QStringLiteral("Zscaler Internet Access"),
                   {{QStringLiteral("s-zia-1"), QStringLiteral("Role:ZIA Admin")}, {QStringLiteral("s-zia-2"), QStringLiteral("Role:ZIA Read")}}},
                  {QStringLiteral("zpa"), QStringLiteral("zpa"), QStringLiteral("Zscaler Private Access"),
                   {{QStringLiteral("s-zpa-1"), QStringLiteral("Role:ZPA Admin")}}}};
    return {s};
}

QStringList fields(const ValidationIssues &issues)
{
    QStringList out;
    for (const ValidationIssue &i : issues)
        out << i.field;
    return out;
}
} // namespace

class TestZidClientRules : public QObject
{
    Q_OBJECT
private slots:
    void aGoodDraftHasNoIssue()
    {
        ZidClientRules::Draft d;
        d.name = QStringLiteral("terraform");
        d.lifetimeMinutes = 1440;
        d.secretValidityDays = 365;
        d.scopeOfService = {{QStringLiteral("zia"), QStringLiteral("s-zia-2")}, {QStringLiteral("zpa"), QStringLiteral("s-zpa-1")}};
        QCOMPARE(fields(ZidClientRules::validate(d, servers(), true)), QStringList());
    }

    void eachRuleIsNamed()
    {
        ZidClientRules::Draft d;
        d.name = QStringLiteral("   ");
        d.lifetimeMinutes = 1441;
        d.secretValidityDays = 29;
        QCOMPARE(fields(ZidClientRules::validate(d, servers(), true)), (QStringList{"name", "lifetime", "validity"}));
        d.name = QStringLiteral("x");
        d.lifetimeMinutes = 0;
        d.secretValidityDays = 366;
        QCOMPARE(fields(ZidClientRules::validate(d, servers(), true)), (QStringList{"lifetime", "validity"}));
        // A secret's validity only matters when one is made with a new client.
        d.lifetimeMinutes = 1;
        QCOMPARE(fields(ZidClientRules::validate(d, servers(), false)), QStringList());
        d.auth = ZidClientRules::Auth::JwksUrl;
        for (const char *bad : {"", "http://keys.example.com/jwks", "https://", "https://user:pw@keys.example.com/"}) {
            d.jwksUrl = QString::fromLatin1(bad);
            QCOMPARE(fields(ZidClientRules::validate(d, servers(), true)), QStringList{"jwksUrl"});
        }
        d.jwksUrl = QStringLiteral("https://keys.example.com/.well-known/jwks.json");
        QCOMPARE(fields(ZidClientRules::validate(d, servers(), true)), QStringList());
        d.auth = ZidClientRules::Auth::PublicKeyPem;
        d.publicKeyPem = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n";
        QCOMPARE(fields(ZidClientRules::validate(d, servers(), true)), QStringList{"publicKey"});
        // A scope that belongs to another service.
        d.auth = ZidClientRules::Auth::Secret;
        d.scopeOfService = {{QStringLiteral("zpa"), QStringLiteral("s-zia-1")}};
        QCOMPARE(fields(ZidClientRules::validate(d, servers(), false)), QStringList{"resources"});
    }

    void applyGroupsScopesByServerAndConvertsMinutes()
    {
        ZidClientRules::Draft d;
        d.name = QStringLiteral(" ci ");
        d.lifetimeMinutes = 30;
        d.scopeOfService = {{QStringLiteral("zia"), QStringLiteral("s-zia-1")}, {QStringLiteral("zpa"), QStringLiteral("s-zpa-1")}};
        const ZidApiClient c = ZidClientRules::apply(d, servers());
        QCOMPARE(c.name, QStringLiteral("ci"));
        QCOMPARE(c.accessTokenLifeTime, 1800); // seconds, the default unit
        QCOMPARE(ZidClientRules::apply(d, servers(), {}, ZidLifetime::Unit::Minutes).accessTokenLifeTime, 30);
        QCOMPARE(c.authType, QStringLiteral("SECRET"));
        QCOMPARE(c.resources.size(), 1);
        QCOMPARE(c.resources.first().id, QStringLiteral("rs1"));
        QCOMPARE(c.resources.first().scopes.size(), 2);
        // And back: the same choice per service.
        const ZidClientRules::Draft back = ZidClientRules::draftOf(c, servers());
        QCOMPARE(back.scopeOfService, d.scopeOfService);
        QCOMPARE(back.lifetimeMinutes, 30);
        // A role no server offers cannot be shown, so an edit keeps it beside the chosen ones.
        ZidApiClient held;
        held.resources = {ZidResource{QStringLiteral("rs1"), QStringLiteral("Zscaler APIs"), true,
                                      {{QStringLiteral("s-old"), QStringLiteral("Role:Withdrawn")}}}};
        QCOMPARE(ZidClientRules::unofferedScopes(held, servers()), 1);
        const ZidApiClient edited = ZidClientRules::apply(d, servers(), held);
        QCOMPARE(edited.resources.size(), 1);
        QCOMPARE(edited.resources.first().scopes.size(), 3);
        QCOMPARE(edited.resources.first().scopes.last().id, QStringLiteral("s-old"));
        // Without the servers the resources read stay as they were.
        ZidApiClient base;
        base.resources = {ZidResource{QStringLiteral("rs9"), QStringLiteral("kept"), false, {}}};
        QCOMPARE(ZidClientRules::apply(d, {}, base).resources, base.resources);
    }

    void aClientFromAFileIsChecked()
    {
        ZidApiClient c;
        c.name = QStringLiteral("file");
        c.accessTokenLifeTime = 90; // 1.5 minutes: not a whole number of minutes
        QCOMPARE(fields(ZidClientRules::validateClient(c, {})), QStringList{"lifetime"});
        c.accessTokenLifeTime = 86400;
        QCOMPARE(fields(ZidClientRules::validateClient(c, {})), QStringList());
        c.resources = {ZidResource{QStringLiteral("rs1"), QStringLiteral("Zscaler APIs"), true,
                                   {{QStringLiteral("s-zia-1"), {}}, {QStringLiteral("s-zia-2"), {}}}}};
        QCOMPARE(fields(ZidClientRules::validateClient(c, servers())), QStringList{"resources"}); // two roles of ZIA
        QCOMPARE(fields(ZidClientRules::validateClient(c, {})), QStringList()); // servers unknown: not checked
    }

    void publicKeyPemIsReadByOpenSsl()
    {
        QVERIFY(!RsaKeyPair::isPublicKeyPem("-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----\n"));
        QVERIFY(!RsaKeyPair::isPublicKeyPem(QByteArray()));
        const RsaKeyPair pair = RsaKeyPair::generate(2048);
        QVERIFY(pair.ok());
        QVERIFY(RsaKeyPair::isPublicKeyPem(pair.publicPem));
        QVERIFY(!RsaKeyPair::isPublicKeyPem(pair.privatePem)); // a private key is no public key
    }
};

QTEST_MAIN(TestZidClientRules)
#include "tst_zidclientrules.moc"
