// The local audit log: records round-trip, newest first, filters; a crash mid-append (half a
// line) costs one damaged line and nothing else; no secret reaches the file; mode 0600.
#include "store/AuditLog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace zc;

namespace {

AuditRecord record(const QString &action, const QString &objectId, const QString &tenantId = QStringLiteral("t-0001"))
{
    AuditRecord r;
    r.time = QDateTime(QDate(2026, 3, 13), QTime(2, 44, 34, 123), Qt::UTC);
    r.tenantId = tenantId;
    r.tenantName = QStringLiteral("Acme ✓ prod");
    r.client = QStringLiteral("zpa-admin");
    r.action = action;
    r.objectType = QStringLiteral("zpa.applicationSegment");
    r.objectId = objectId;
    r.objectName = QStringLiteral("web, \"quoted\"\nsecond line");
    r.before = QJsonObject{{QStringLiteral("id"), objectId}, {QStringLiteral("description"), QStringLiteral("old")}};
    r.after = QJsonObject{{QStringLiteral("id"), objectId}, {QStringLiteral("description"), QStringLiteral("new")}};
    return r;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT
private slots:
    void roundTripNewestFirst()
    {
        QTemporaryDir dir;
        AuditLog log(dir.path());
        QVERIFY(log.read().ok);
        QVERIFY(log.read().records.isEmpty()); // no file yet
        QString error;
        QVERIFY2(log.append(record(QStringLiteral("create"), QStringLiteral("1")), &error), qPrintable(error));
        QVERIFY(log.append(record(QStringLiteral("update"), QStringLiteral("1"))));
        AuditRecord del = record(QStringLiteral("delete"), QStringLiteral("2"), QStringLiteral("t-0002"));
        del.after = QJsonValue(QJsonValue::Undefined);
        del.result = QStringLiteral("ok");
        QVERIFY(log.append(del));

        const QFile::Permissions perms = QFile::permissions(log.path());
        QVERIFY(perms.testFlags(QFile::ReadOwner | QFile::WriteOwner));
        QCOMPARE(perms & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther
                          | QFile::ExeOther | QFile::ExeOwner),
                 QFile::Permissions()); // 0600
        QVERIFY(log.path().endsWith(QLatin1String("/audit.jsonl")));
        QCOMPARE(fileBytes(log.path()).count('\n'), 3); // one line per record

        const AuditLog::ReadResult all = log.read();
        QVERIFY(all.ok);
        QCOMPARE(all.totalLines, 3);
        QCOMPARE(all.damagedLines, 0);
        QCOMPARE(all.records.size(), 3);
        QCOMPARE(all.records.at(0).action, QStringLiteral("delete"));
        QCOMPARE(all.records.at(2).action, QStringLiteral("create"));
        const AuditRecord &u = all.records.at(1);
        const AuditRecord expected = record(QStringLiteral("update"), QStringLiteral("1"));
        QCOMPARE(u.time, expected.time);
        QCOMPARE(u.tenantId, expected.tenantId);
        QCOMPARE(u.tenantName, expected.tenantName);
        QCOMPARE(u.client, expected.client);
        QCOMPARE(u.objectType, expected.objectType);
        QCOMPARE(u.objectName, expected.objectName);
        QCOMPARE(u.before, expected.before);
        QCOMPARE(u.after, expected.after);
        QVERIFY(all.records.at(0).after.isUndefined());
        QCOMPARE(all.records.at(0).result, QStringLiteral("ok"));

        AuditLog::Filter f;
        f.tenantId = QStringLiteral("t-0001");
        QCOMPARE(log.read(f).records.size(), 2);
        f.tenantId = QStringLiteral("Acme ✓ prod"); // by name as well
        QCOMPARE(log.read(f).records.size(), 3);
        f = {};
        f.objectId = QStringLiteral("2");
        QCOMPARE(log.read(f).records.size(), 1);
        f = {};
        f.action = QStringLiteral("update");
        QCOMPARE(log.read(f).records.size(), 1);
        f = {};
        f.limit = 2;
        QCOMPARE(log.read(f).records.size(), 2);
        QCOMPARE(log.read(f).records.at(0).action, QStringLiteral("delete"));
    }

    void truncatedLastLineIsSkippedAndTheNextAppendWorks()
    {
        QTemporaryDir dir;
        AuditLog log(dir.path());
        QVERIFY(log.append(record(QStringLiteral("create"), QStringLiteral("1"))));
        QVERIFY(log.append(record(QStringLiteral("update"), QStringLiteral("1"))));
        // A crash in the middle of the third append: half a line, no newline.
        const QByteArray full = fileBytes(log.path());
        const QByteArray lastLine = full.mid(full.lastIndexOf('\n', full.size() - 2) + 1);
        {
            QFile f(log.path());
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Append));
            f.write(lastLine.left(lastLine.size() / 2));
        }
        AuditLog::ReadResult r = log.read();
        QVERIFY(r.ok);
        QCOMPARE(r.records.size(), 2);
        QCOMPARE(r.damagedLines, 1);

        QVERIFY(log.append(record(QStringLiteral("delete"), QStringLiteral("1"))));
        r = log.read();
        QCOMPARE(r.records.size(), 3);
        QCOMPARE(r.damagedLines, 1); // the cut line stays cut; the new record is whole
        QCOMPARE(r.records.at(0).action, QStringLiteral("delete"));

        // Garbage in the middle is skipped and counted too.
        {
            QFile f(log.path());
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Append));
            f.write("not json at all\n{\"valid\":\"json but not a record\"}\n\n");
        }
        QVERIFY(log.append(record(QStringLiteral("activate"), QStringLiteral("-"))));
        r = log.read();
        QCOMPARE(r.records.size(), 4);
        QCOMPARE(r.damagedLines, 3);
        QCOMPARE(r.totalLines, 7);
    }

    void noSecretSurvives()
    {
        QTemporaryDir dir;
        AuditLog log(dir.path());
        AuditRecord r = record(QStringLiteral("update"), QStringLiteral("c-1"));
        r.objectType = QStringLiteral("zid.apiClient");
        const QString jwt = QStringLiteral("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYW5hcnktand0In0.c2lnbmF0dXJlLWNhbmFyeQ");
        r.before = QJsonObject{
            {QStringLiteral("name"), QStringLiteral("client one")},
            {QStringLiteral("clientSecret"), QStringLiteral("CANARY-secret-1")},
            {QStringLiteral("client_secret"), QStringLiteral("CANARY-secret-2")},
            {QStringLiteral("nested"),
             QJsonObject{{QStringLiteral("password"), QStringLiteral("CANARY-password")},
                         {QStringLiteral("apiKey"), QStringLiteral("CANARY-apikey")},
                         {QStringLiteral("private_key"), QStringLiteral("-----BEGIN PRIVATE KEY-----CANARY-pem")},
                         {QStringLiteral("kept"), QStringLiteral("visible")}}},
            {QStringLiteral("list"), QJsonArray{QJsonObject{{QStringLiteral("access_token"), QStringLiteral("CANARY-token")}},
                                                QJsonObject{{QStringLiteral("Authorization"), QStringLiteral("CANARY-auth")}}}},
            {QStringLiteral("note"), QStringLiteral("Bearer CANARY-bearer-value-0123456789")},
            {QStringLiteral("something"), jwt},
            {QStringLiteral("pem"), QStringLiteral("-----BEGIN RSA PRIVATE KEY-----\nCANARY-pem-2\n-----END RSA PRIVATE KEY-----")}};
        r.after = r.before;
        QVERIFY(log.append(r));
        const QByteArray bytes = fileBytes(log.path());
        QVERIFY(!bytes.contains("CANARY"));
        QVERIFY(!bytes.contains("canary"));
        QVERIFY(!bytes.contains("eyJ"));
        QVERIFY(!bytes.contains("clientSecret"));
        QVERIFY(!bytes.contains("password"));
        QVERIFY(bytes.contains("visible"));
        const AuditRecord back = log.read().records.at(0);
        const QJsonObject b = back.before.toObject();
        QCOMPARE(b.value(QLatin1String("name")).toString(), QStringLiteral("client one"));
        QCOMPARE(b.value(QLatin1String("note")).toString(), QStringLiteral("[redacted]"));
        QCOMPARE(b.value(QLatin1String("nested")).toObject().keys(), QStringList{QStringLiteral("kept")});
        QCOMPARE(b.value(QLatin1String("list")).toArray().size(), 2);
        QVERIFY(AuditLog::isSecretKey(QStringLiteral("X-API-KEY")));
        QVERIFY(AuditLog::isSecretKey(QStringLiteral("privateKey")));
        QVERIFY(!AuditLog::isSecretKey(QStringLiteral("description")));
    }

    void unwritableFolderFailsClearly()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        AuditLog log(dir.filePath(QStringLiteral("file/sub"))); // a file where a folder should be
        QString error;
        QVERIFY(!log.append(record(QStringLiteral("create"), QStringLiteral("1")), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
