#include "ZpaEditFixture.h"

#include <QJsonArray>
#include <QTest>

namespace zpatest {

using namespace zc;

bool ZpaEditFixture::start(QString *error)
{
    m_sim = startSimulator(200, {}, error);
    if (!m_sim)
        return false;
    ZpaStack s(sim());
    bool done = false;
    ZpaReply<QList<ZpaSegmentGroup>> groups;
    s.api->segmentGroups(s.legacy(), ZpaMicrotenantChoice{ZpaMicrotenantChoice::Default, QStringLiteral("0")}, nullptr,
                         [&](const ZpaReply<QList<ZpaSegmentGroup>> &r) {
                             groups = r;
                             done = true;
                         });
    if (!QTest::qWaitFor([&] { return done; }, 30'000) || !groups.ok() || groups.value.isEmpty()) {
        *error = QStringLiteral("segment groups: ") + groups.error.toString();
        return false;
    }
    m_segmentGroup = groups.value.first().id;
    done = false;
    ZpaReply<QList<ZpaServerGroup>> servers;
    s.api->serverGroups(s.legacy(), ZpaMicrotenantChoice(), nullptr, [&](const ZpaReply<QList<ZpaServerGroup>> &r) {
        servers = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30'000) || !servers.ok() || servers.value.isEmpty()) {
        *error = QStringLiteral("server groups: ") + servers.error.toString();
        return false;
    }
    m_serverGroup = servers.value.first().id;
    m_serverGroups = int(servers.value.size());
    return true;
}

ZpaEditResult ZpaEditFixture::run(ZpaSegmentEditor &editor, const ZpaEditRequest &q)
{
    ZpaEditResult out;
    bool done = false;
    QObject ctx;
    QObject::connect(&editor, &ZpaSegmentEditor::finished, &ctx, [&](const ZpaEditResult &r) {
        if (r.tag == q.tag) {
            out = r;
            done = true;
        }
    });
    editor.submit(q);
    if (!QTest::qWaitFor([&] { return done; }, 60'000))
        out.error = ApiError::make(ErrorKind::Network, QStringLiteral("test timeout"));
    return out;
}

QJsonObject ZpaEditFixture::newSegmentJson(const QString &tag)
{
    ++m_serial;
    return QJsonObject{
        {QStringLiteral("name"), QStringLiteral("zc %1 %2").arg(tag).arg(m_serial)},
        {QStringLiteral("description"), QStringLiteral("created by test")},
        {QStringLiteral("enabled"), true},
        {QStringLiteral("domainNames"), QJsonArray{QStringLiteral("zc-%1-%2.edit.example").arg(tag).arg(m_serial)}},
        {QStringLiteral("tcpPortRanges"), QJsonArray{QStringLiteral("8443"), QStringLiteral("8443")}},
        {QStringLiteral("segmentGroupId"), m_segmentGroup},
        {QStringLiteral("serverGroups"), QJsonArray{QJsonObject{{QStringLiteral("id"), m_serverGroup}}}},
    };
}

AppSegment ZpaEditFixture::create(ZpaSegmentEditor &editor, const QString &client, const QString &tag)
{
    ZpaEditRequest q;
    q.action = ZpaEditRequest::Action::Create;
    q.clientId = client;
    q.edited = AppSegment::fromJson(newSegmentJson(tag));
    q.tag = nextTag();
    const ZpaEditResult r = run(editor, q);
    if (r.outcome != ZpaEditResult::Outcome::Done)
        qWarning() << "create failed:" << r.error.toString() << joinIssues(r.issues);
    return r.after;
}

AppSegment ZpaEditFixture::read(ZpaStack &s, const QString &id, int *status)
{
    bool done = false;
    ZpaReply<AppSegment> out;
    s.api->segment(s.legacy(), id, nullptr, [&](const ZpaReply<AppSegment> &r) {
        out = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30'000))
        return {};
    if (status)
        *status = out.httpStatus;
    return out.value;
}

} // namespace zpatest
