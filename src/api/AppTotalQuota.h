#pragma once

#include "core/Clock.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QString>

namespace zc {

// The AppTotal daily quota as the server last reported it (X-Rate-Limit-Remaining), per API
// client: in memory and in a small non-secret state file `apptotal-quota.json` in the config
// folder, so that a later run (GUI or CLI) knows the quota is spent without spending a request
// to find out. The day is the UTC day; the quota is assumed to reset at 00:00 UTC (the vendor
// does not document the reset time: UNCONFIRMED, the simulator resets at UTC midnight).
//   {"version": 1, "clients": {"<client id>": {"remaining": 0, "day": "2030-01-01",
//                                               "updatedAt": "2030-01-01T14:02:00Z"}}}
class AppTotalQuota
{
public:
    static constexpr const char *FileName = "apptotal-quota.json";

    // `configDir` empty: memory only.
    explicit AppTotalQuota(const QString &configDir = {}, Clock *clock = Clock::system());

    struct Entry
    {
        int remaining = -1;
        QDate day;            // UTC
        QDateTime updatedUtc;
    };

    // Re-reads the file (a missing or broken file is an empty state).
    void load();
    // The remaining calls known for today (UTC), or -1 when unknown (never seen, or an older day).
    int remainingToday(const QString &clientId) const;
    bool isSpentToday(const QString &clientId) const { return remainingToday(clientId) == 0; }
    Entry entry(const QString &clientId) const { return m_entries.value(clientId); }
    // Remembers what the server said (and writes the file; false + *error if that fails).
    bool record(const QString &clientId, int remaining, QString *error = nullptr);
    // The next 00:00 UTC after now.
    QDateTime resetsAtUtc() const;
    QString path() const { return m_path; }

private:
    bool save(QString *error);

    QString m_path;
    Clock *m_clock;
    QHash<QString, Entry> m_entries;
};

} // namespace zc
