#include "core/Ids.h"

#include <QRandomGenerator>
#include <QRegularExpression>

namespace zc {

namespace {
QString randomHex(int bytes)
{
    QString out;
    auto *rng = QRandomGenerator::system();
    for (int i = 0; i < bytes; ++i)
        out += QStringLiteral("%1").arg(rng->bounded(256), 2, 16, QLatin1Char('0'));
    return out;
}
} // namespace

QString newTenantId() { return QStringLiteral("t-") + randomHex(8); }
QString newClientId() { return QStringLiteral("c-") + randomHex(8); }

bool isStableId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[a-z]-[0-9a-z-]{4,48}$"));
    return re.match(id).hasMatch();
}

} // namespace zc
