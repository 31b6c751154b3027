#pragma once

#include <QList>
#include <QString>

namespace zc {

// A Zscaler cloud: where a tenant's services live. Hosts come from the vendor docs and SDKs
// (zscaler-api-notes.md §1.1, §3.1, §4.1); every derived URL can be overridden per API client.
struct CloudInfo
{
    QString id;          // "zscaler", "zscalerbeta", ... ("custom" for a custom host)
    QString label;       // shown in the GUI
    QString ziaHost;     // legacy ZIA API host, e.g. "zsapi.zscaler.net"
    QString zpaHost;     // legacy ZPA API host, e.g. "config.private.zscaler.com"
    QString oneApiCloud; // "" = production, "beta", "gov", "govus"
    QString sandboxHost; // e.g. "csbapi.zscaler.net"
};

class Clouds
{
public:
    static const QList<CloudInfo> &known();
    static const CloudInfo *find(const QString &id);
    static bool isKnown(const QString &id) { return find(id) != nullptr; }
    // A custom cloud is given by a host name (e.g. "zsapi.example.net").
    static bool isValidHost(const QString &host);
    static QString customId() { return QStringLiteral("custom"); }
};

} // namespace zc
