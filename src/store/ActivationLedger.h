#pragma once

#include "core/Clock.h"
#include "core/ZiaActivation.h"

#include <QString>

namespace zc {

// The ZIA activations this machine sent in the last hour, per tenant, shared by every zconsole
// process of one config folder (the GUI and each `zconsole-cli zia activate` run), so that the
// client-side budget of 10 per minute and 40 per hour holds across processes, not only inside
// one: a script that calls the CLI in a loop is held to it as well.
//
// File `zia-activations.json` in the config folder (mode 0600, nothing secret):
//   {"version": 1, "tenants": {"<tenant id>": [<epoch ms of each activation sent>, …]}}
// reserve() is a read-check-append-write under a QLockFile, so two processes cannot both take
// the last slot. Wall-clock times (monotonic clocks are per process); entries in the future
// (the clock went back) count as now, entries older than the hour window are dropped.
// A missing or damaged file is an empty ledger (the damaged one is replaced on the next write).
class ActivationLedger
{
public:
    static constexpr const char *FileName = "zia-activations.json";

    explicit ActivationLedger(const QString &configDir, Clock *clock = Clock::system());
    QString path() const { return m_path; }

    // How long until the tenant could activate again under `budget` (0 = now).
    qint64 waitMs(const QString &tenantId, const ZiaActivationBudget &budget) const;
    // Takes a slot: true when one was free (and recorded); false with *waitMs when the budget is
    // spent. When the ledger cannot be read or written (locked for more than 5 s, disk full…)
    // it returns true with *error set: the in-process budget still applies, and the caller says
    // that the cross-process one could not be checked.
    bool reserve(const QString &tenantId, const ZiaActivationBudget &budget, qint64 *waitMs,
                 QString *error = nullptr);
    // Activations recorded for the tenant within the last `windowMs`.
    int countWithin(const QString &tenantId, qint64 windowMs) const;

private:
    QList<qint64> load(const QString &tenantId, bool *ok) const;
    qint64 waitFor(const QList<qint64> &times, const ZiaActivationBudget &budget, qint64 now) const;

    QString m_path;
    Clock *m_clock;
};

} // namespace zc
