// core/PlaintextCredentials: the SDK files' shapes that the import-from test's files do not show:
// a PEM over several lines (dotenv double quotes, yaml block), "\n" escapes, comments, names in
// other spellings, unknown names dropped, a broken Postman file refused.
#include "core/PlaintextCredentials.h"

#include <QTest>

using namespace zc::plaintext;

class TestPlaintext : public QObject
{
    Q_OBJECT
private slots:
    void dotenvMultiLinePemAndEscapes()
    {
        const Variables v = parseDotenv("# c\nexport ZSCALER_CLIENT_ID = abc  # trailing\n"
                                        "ZSCALER_PRIVATE_KEY=\"-----BEGIN PRIVATE KEY-----\nAAA\nBBB\n-----END PRIVATE KEY-----\"\n"
                                        "zia_password=\"p\\\"w\"\nZPA_CLIENT_SECRET='s#1'\nOTHER=x\nZIA_API_KEY=\"one\\ntwo\"\n");
        QCOMPARE(v.value(QStringLiteral("ZSCALER_CLIENT_ID")), QByteArray("abc"));
        QCOMPARE(v.value(QStringLiteral("ZSCALER_PRIVATE_KEY")), QByteArray("-----BEGIN PRIVATE KEY-----\nAAA\nBBB\n-----END PRIVATE KEY-----"));
        QCOMPARE(v.value(QStringLiteral("ZIA_PASSWORD")), QByteArray("p\"w"));
        QCOMPARE(v.value(QStringLiteral("ZPA_CLIENT_SECRET")), QByteArray("s#1"));
        QCOMPARE(v.value(QStringLiteral("ZIA_API_KEY")), QByteArray("one\ntwo"));
        QVERIFY(!v.contains(QStringLiteral("OTHER")));
        QCOMPARE(secretNames(v), (QStringList{QStringLiteral("ZSCALER_PRIVATE_KEY"), QStringLiteral("ZIA_PASSWORD"),
                                             QStringLiteral("ZIA_API_KEY"), QStringLiteral("ZPA_CLIENT_SECRET")}));
    }

    void yamlBlockAndKeys()
    {
        const Variables v = parseZscalerYaml("zscaler:\n  client:\n    clientId: 'id-1'\n    privateKey: |\n"
                                             "      -----BEGIN PRIVATE KEY-----\n      AAA\n      -----END PRIVATE KEY-----\n"
                                             "    vanityDomain: acme # the vanity\n    customerId: \"7200\"\n    microtenantId: 12\n");
        QCOMPARE(v.value(QStringLiteral("ZSCALER_CLIENT_ID")), QByteArray("id-1"));
        QCOMPARE(v.value(QStringLiteral("ZSCALER_PRIVATE_KEY")), QByteArray("-----BEGIN PRIVATE KEY-----\nAAA\n-----END PRIVATE KEY-----\n"));
        QCOMPARE(v.value(QStringLiteral("ZSCALER_VANITY_DOMAIN")), QByteArray("acme"));
        QCOMPARE(v.value(QStringLiteral("ZPA_CUSTOMER_ID")), QByteArray("7200"));
        QCOMPARE(v.value(QStringLiteral("ZPA_MICROTENANT_ID")), QByteArray("12"));
        QVERIFY(!v.contains(QStringLiteral("ZSCALER_CLIENT_SECRET")));
    }

    void postman()
    {
        Variables v;
        QString error;
        QVERIFY(parsePostman("{\"values\":[{\"key\":\"clientSecret\",\"value\":\"s1\"},{\"key\":\"ZPA_CLIENT_ID\",\"value\":\"z\",\"enabled\":false}]}", &v, &error));
        QCOMPARE(v.value(QStringLiteral("ZSCALER_CLIENT_SECRET")), QByteArray("s1"));
        QVERIFY(!v.contains(QStringLiteral("ZPA_CLIENT_ID")));
        Variables w;
        QVERIFY(!parsePostman("[1,2]", &w, &error));
        QVERIFY(error.contains(QLatin1String("Postman")));
    }
};

QTEST_GUILESS_MAIN(TestPlaintext)
#include "tst_plaintext.moc"
