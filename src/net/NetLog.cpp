#include "net/NetLog.h"

#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcNet, "zconsole.net")

namespace zc {

namespace {
bool isSecretName(const QString &name)
{
    static const char *const words[] = {"token", "key", "secret", "password", "passwd", "assertion",
                                        "code", "signature", "sig", "session", "auth", "credential",
                                        "jsessionid", "cookie"};
    const QString n = name.toLower();
    for (const char *w : words)
        if (n.contains(QLatin1String(w)))
            return true;
    return false;
}
} // namespace

QString endpointName(const QByteArray &method, const QUrl &url)
{
    const QUrl bare = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    return QString::fromLatin1(method) + QLatin1Char(' ') + bare.toString(QUrl::FullyEncoded);
}

QString redactedUrl(const QUrl &url)
{
    QUrl u = url.adjusted(QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    if (u.hasQuery()) {
        QUrlQuery q(u);
        QUrlQuery out;
        const auto items = q.queryItems(QUrl::FullyEncoded);
        for (const auto &item : items)
            out.addQueryItem(item.first, isSecretName(item.first) ? QStringLiteral("…")
                                                                  : item.second);
        u.setQuery(out);
    }
    return u.toString(QUrl::FullyEncoded);
}

bool isSecretHeader(const QByteArray &name)
{
    const QByteArray n = name.toLower();
    return n == "authorization" || n == "proxy-authorization" || n == "cookie"
           || n == "set-cookie" || n == "x-api-key" || n.contains("token") || n.contains("secret")
           || n.contains("key") || n.contains("session");
}

void logExchange(const QByteArray &method, const QUrl &url, int status, qint64 ms,
                 const QString &requestId, const QString &note)
{
    if (!lcNet().isInfoEnabled())
        return;
    QString line = QString::fromLatin1(method) + QLatin1Char(' ') + redactedUrl(url)
                   + QStringLiteral(" -> ")
                   + (status > 0 ? QString::number(status) : QStringLiteral("no reply"))
                   + QStringLiteral(" in ") + QString::number(ms) + QStringLiteral(" ms");
    if (!requestId.isEmpty())
        line += QStringLiteral(" (request id ") + requestId + QLatin1Char(')');
    if (!note.isEmpty())
        line += QStringLiteral(": ") + note;
    qCInfo(lcNet).noquote() << line;
}

} // namespace zc
