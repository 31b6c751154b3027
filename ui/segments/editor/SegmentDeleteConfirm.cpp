#include "SegmentDeleteConfirm.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QObject>
#include <optional>

namespace zc {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(zc::SegmentDeleteConfirm)
};
} // namespace

Confirm::Request segmentDeleteRequest(const QString &tenantName, bool protectedTenant, const AppSegment &segment)
{
    Confirm::Request req;
    req.title = Tr::tr("Delete application segment");
    const QString name = segment.name().isEmpty() ? segment.id() : segment.name();
    req.text = Tr::tr("Delete the application segment “%1” (id %2) from tenant “%3”?").arg(name, segment.id(), tenantName);
    QString details = Tr::tr("It is deleted with forceDelete: policy rules that refer to it lose that reference. "
                         "This cannot be undone.");
    if (const int n = segment.domainCount(); n > 0)
        details = Tr::tr("Domains: %1.").arg(segment.domainsText()) + QLatin1Char('\n') + details;
    req.details = details;
    req.acceptLabel = Tr::tr("Delete segment");
    if (protectedTenant)
        req.typedName = tenantName;
    return req;
}

void askSegmentDelete(QWidget *parent, const QString &tenantName, bool protectedTenant, const AppSegment &segment,
                      QObject *ctx, Confirm::Done done)
{
    Confirm::ask(parent, segmentDeleteRequest(tenantName, protectedTenant, segment), ctx, std::move(done));
}

bool confirmSegmentDelete(QWidget *parent, const QString &tenantName, bool protectedTenant, const AppSegment &segment)
{
    QEventLoop loop;
    std::optional<bool> answer;
    askSegmentDelete(parent, tenantName, protectedTenant, segment, &loop, [&](bool yes) {
        answer = yes;
        loop.quit();
    });
    if (!answer)
        loop.exec(QEventLoop::DialogExec);
    return answer.value_or(false);
}

} // namespace zc
