#include "core/PlaintextCredentials.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace zc::plaintext {

namespace {
const char *const kNames[] = {"ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET", "ZSCALER_PRIVATE_KEY", "ZSCALER_VANITY_DOMAIN",
                              "ZSCALER_CLOUD", "ZPA_CUSTOMER_ID", "ZPA_MICROTENANT_ID", "ZIA_USERNAME", "ZIA_PASSWORD",
                              "ZIA_API_KEY", "ZIA_CLOUD", "ZPA_CLIENT_ID", "ZPA_CLIENT_SECRET", "ZPA_CLOUD"};
const char *const kSecrets[] = {"ZSCALER_CLIENT_SECRET", "ZSCALER_PRIVATE_KEY", "ZIA_PASSWORD", "ZIA_API_KEY", "ZPA_CLIENT_SECRET"};

QString squash(const QString &k)
{
    QString s = k.toLower();
    s.remove(QLatin1Char('_')).remove(QLatin1Char('-'));
    return s;
}

QByteArray unquote(QByteArray v)
{
    v = v.trimmed();
    if (v.size() >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith('\'') && v.endsWith('\'')))) {
        const bool dbl = v.startsWith('"');
        v = v.mid(1, v.size() - 2);
        if (dbl)
            v.replace("\\n", "\n").replace("\\\"", "\"");
    }
    return v;
}

void put(Variables &out, const QString &key, const QByteArray &value)
{
    const QString name = variableFor(key);
    if (!name.isEmpty() && !value.isEmpty())
        out.insert(name, value);
}
} // namespace

QString variableFor(const QString &key)
{
    const QString k = squash(key);
    for (const char *n : kNames)
        if (squash(QLatin1String(n)) == k)
            return QLatin1String(n);
    // The SDKs' yaml / Postman spellings of the OneAPI fields.
    static const QMap<QString, QString> camel{{QStringLiteral("clientid"), QStringLiteral("ZSCALER_CLIENT_ID")},
                                              {QStringLiteral("clientsecret"), QStringLiteral("ZSCALER_CLIENT_SECRET")},
                                              {QStringLiteral("privatekey"), QStringLiteral("ZSCALER_PRIVATE_KEY")},
                                              {QStringLiteral("vanitydomain"), QStringLiteral("ZSCALER_VANITY_DOMAIN")},
                                              {QStringLiteral("vanity"), QStringLiteral("ZSCALER_VANITY_DOMAIN")},
                                              {QStringLiteral("cloud"), QStringLiteral("ZSCALER_CLOUD")},
                                              {QStringLiteral("customerid"), QStringLiteral("ZPA_CUSTOMER_ID")},
                                              {QStringLiteral("microtenantid"), QStringLiteral("ZPA_MICROTENANT_ID")}};
    return camel.value(k);
}

QStringList secretNames(const Variables &v)
{
    QStringList l;
    for (const char *n : kSecrets)
        if (v.contains(QLatin1String(n)))
            l << QLatin1String(n);
    return l;
}

Variables parseDotenv(const QByteArray &text)
{
    Variables out;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (line.startsWith("export "))
            line = line.mid(7).trimmed();
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        const QString key = QString::fromUtf8(line.left(eq).trimmed());
        QByteArray value = line.mid(eq + 1).trimmed();
        if (value.startsWith('"') && (value.size() == 1 || !value.endsWith('"'))) {
            while (i + 1 < lines.size()) { // a quoted value over several lines
                value += '\n' + lines[++i];
                if (lines[i].trimmed().endsWith('"'))
                    break;
            }
            value = value.trimmed();
        } else if (!value.startsWith('"') && !value.startsWith('\'')) {
            const qsizetype hash = value.indexOf(" #");
            if (hash >= 0)
                value = value.left(hash);
        }
        put(out, key, unquote(value));
    }
    return out;
}

Variables parseZscalerYaml(const QByteArray &text)
{
    Variables out;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray raw = lines[i];
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QString key = QString::fromUtf8(line.left(colon).trimmed());
        QByteArray value = line.mid(colon + 1).trimmed();
        if (value == "|" || value == "|-" || value == ">") { // a block: the lines indented deeper
            const qsizetype own = raw.indexOf(line.at(0));
            QByteArray block;
            while (i + 1 < lines.size()) {
                const QByteArray next = lines[i + 1];
                const qsizetype at = next.trimmed().isEmpty() ? own + 1 : next.indexOf(next.trimmed().at(0));
                if (at <= own)
                    break;
                block += next.trimmed() + '\n';
                ++i;
            }
            value = block;
        } else {
            const qsizetype hash = value.indexOf(" #");
            if (hash >= 0 && !value.startsWith('"') && !value.startsWith('\''))
                value = value.left(hash);
            value = unquote(value);
        }
        put(out, key, value);
    }
    return out;
}

bool parsePostman(const QByteArray &text, Variables *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
    if (!doc.isObject() || !doc.object().value(QStringLiteral("values")).isArray()) {
        *error = QStringLiteral("not a Postman environment export (no \"values\" array)");
        return false;
    }
    for (const QJsonValue &v : doc.object().value(QStringLiteral("values")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("enabled")).toBool(true))
            put(*out, o.value(QStringLiteral("key")).toString(), o.value(QStringLiteral("value")).toString().toUtf8());
    }
    return true;
}

} // namespace zc::plaintext
