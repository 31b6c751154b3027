// Deterministic data set generators (for a seed). Times of ZIdentity secrets are relative to the
// start time so that "expires within 7 days" stays true; everything else is fixed.
#pragma once

#include "sim/SimCore.h"

namespace zsim {

void generateZpa(ZpaStore &zpa, int segmentCount, quint64 seed);
void generateZia(ZiaState &zia);
// clientCount API clients (SimOptions::zidClients): the 12 named ones first, then "Automation NNNN".
void generateZid(ZidState &zid, quint64 seed, qint64 nowSec, int clientCount);
QList<QJsonObject> generateIncidents(quint64 seed);
QList<QJsonObject> generateApps(quint64 seed);

} // namespace zsim
