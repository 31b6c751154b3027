#pragma once

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace zc {

// Which secret-expiry reminders were told already (core/SecretReminders' keys), so that a
// restart does not repeat them: the non-secret state file `reminders.json` of the config folder
//   {"version": 1, "told": {"<key>": "<told at, ISO UTC>"}}
// written with QSaveFile (0600). A missing or broken file is nothing told. Each write re-reads
// the file first and merges, so two processes do not lose each other's keys.
class ReminderLedger
{
public:
    static constexpr const char *FileName = "reminders.json";

    // `configDir` empty: memory only.
    explicit ReminderLedger(const QString &configDir = {});

    // Re-reads the file (missing or broken: nothing told; *error says why it was broken).
    void load(QString *error = nullptr);
    QString path() const { return m_path; }

    bool isTold(const QString &key) const { return m_told.contains(key); }
    QSet<QString> told() const;
    // Marks keys told (in memory even when the write fails: false + *error then).
    bool markTold(const QStringList &keys, QString *error = nullptr);
    // Forgets the keys whose secret (SecretReminders::secretKeyOf) is not in `liveSecrets`;
    // returns how many were forgotten (-1 when the write failed).
    int prune(const QSet<QString> &liveSecrets, QString *error = nullptr);

private:
    QHash<QString, QDateTime> read(QString *error) const;
    bool save(QString *error);

    QString m_path;
    QHash<QString, QDateTime> m_told; // key → when it was told
};

} // namespace zc
