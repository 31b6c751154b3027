#pragma once

#include <QString>

namespace zc {

// Keys of zconsole-ui.ini, in one place.
namespace settingskey {
inline QString geometry() { return QStringLiteral("window/geometry"); }
inline QString windowState() { return QStringLiteral("window/state"); }
inline QString splitter() { return QStringLiteral("window/splitter"); }
inline QString currentPage() { return QStringLiteral("window/page"); }
inline QString tenantsHeader() { return QStringLiteral("tenants/header"); }
inline QString clientsHeader() { return QStringLiteral("clients/header"); }
inline QString clientsOnlyActive() { return QStringLiteral("clients/onlyActiveTenant"); }
inline QString activeTenant() { return QStringLiteral("services/activeTenant"); }
inline QString clientsTokenColumns() { return QStringLiteral("clients/tokenColumnsShown"); }
inline QString ziaSplitter() { return QStringLiteral("zia/splitter"); }
inline QString ziaTab() { return QStringLiteral("zia/tab"); }
inline QString ziaTenant() { return QStringLiteral("zia/tenant"); }
inline QString lookupHeader() { return QStringLiteral("zia/lookupHeader"); }
inline QString toolsTab() { return QStringLiteral("tools/tab"); }
inline QString segmentsHeader() { return QStringLiteral("segments/header"); }
inline QString segmentsSplitter() { return QStringLiteral("segments/splitter"); }
inline QString segmentsClient() { return QStringLiteral("segments/client"); }
inline QString zidHeader() { return QStringLiteral("zid/header"); }
} // namespace settingskey

} // namespace zc
