#include "core/ZpaResults.h"

namespace zc {

QString ZpaListResult::statusName(Status s)
{
    switch (s) {
    case Status::Complete: return QStringLiteral("complete");
    case Status::Incomplete: return QStringLiteral("incomplete");
    case Status::Failed: return QStringLiteral("failed");
    case Status::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

QString ZpaListResult::pagesText(const QList<int> &pages)
{
    QStringList parts;
    for (qsizetype i = 0; i < pages.size();) {
        qsizetype j = i;
        while (j + 1 < pages.size() && pages.at(j + 1) == pages.at(j) + 1)
            ++j;
        parts << (j == i ? QString::number(pages.at(i))
                         : QString::number(pages.at(i)) + QLatin1Char('-') + QString::number(pages.at(j)));
        i = j + 1;
    }
    if (parts.size() > 20) {
        const qsizetype more = parts.size() - 20;
        parts = parts.mid(0, 20);
        parts << QStringLiteral("… (%1 more ranges)").arg(more);
    }
    return parts.join(QStringLiteral(", "));
}

QString ZpaEditResult::outcomeName(Outcome o)
{
    switch (o) {
    case Outcome::Done: return QStringLiteral("done");
    case Outcome::NoChange: return QStringLiteral("no-change");
    case Outcome::DryRun: return QStringLiteral("dry-run");
    case Outcome::Conflict: return QStringLiteral("conflict");
    case Outcome::Invalid: return QStringLiteral("invalid");
    case Outcome::NotConfirmed: return QStringLiteral("not-confirmed");
    case Outcome::Unconfirmed: return QStringLiteral("unconfirmed");
    case Outcome::Failed: return QStringLiteral("failed");
    }
    return {};
}

QString ZpaEditResult::actionName(ZpaEditRequest::Action a)
{
    switch (a) {
    case ZpaEditRequest::Action::Create: return QStringLiteral("create");
    case ZpaEditRequest::Action::Update: return QStringLiteral("update");
    case ZpaEditRequest::Action::Delete: return QStringLiteral("delete");
    }
    return {};
}

} // namespace zc
