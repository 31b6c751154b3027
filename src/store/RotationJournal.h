#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace zc {

// What a secret rotation in progress has done, so that one interrupted by a killed process is
// found at the next start and finished or rolled back: the non-secret state file
// `rotation-journal.json` of the config folder, one entry per profile being rotated. Holds ids,
// steps and times only — never a secret value (the old value waits in the keychain beside the
// new one until the rotation ends).
class RotationJournal
{
public:
    static constexpr const char *FileName = "rotation-journal.json";

    // The last step that was completed.
    enum class Step {
        Started,   // the secrets seen before are recorded; a new one may exist on the server
        Created,   // the new secret exists on the server (its id recorded; its value only in memory)
        Stored,    // the keychain holds the new value, the old one kept beside it
        Verified,  // a token was obtained with the new value
    };
    struct Entry
    {
        QString profileId;
        QString clientId;      // the remote API client
        QString adminId;       // the profile that calls the admin API
        Step step = Step::Started;
        QStringList secretsBefore; // ids of the client's secrets before the rotation
        QString oldSecretId;   // the one to delete at the end ("" = none)
        QString newSecretId;
        QDateTime startedAt;
    };

    // `configDir` empty: memory only.
    explicit RotationJournal(const QString &configDir = {});
    void load();
    QString path() const { return m_path; }

    QList<Entry> entries() const { return m_entries.values(); }
    bool has(const QString &profileId) const { return m_entries.contains(profileId); }
    Entry entry(const QString &profileId) const { return m_entries.value(profileId); }
    bool write(const Entry &e, QString *error = nullptr);
    bool remove(const QString &profileId, QString *error = nullptr);

    static QString stepName(Step s);
    static bool parseStep(const QString &name, Step *out);

private:
    bool save(QString *error);
    QString m_path;
    QHash<QString, Entry> m_entries;
};

} // namespace zc
