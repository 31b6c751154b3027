#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>
#include <QStringList>

namespace zc {

// One API-client secret whose expiry date zconsole knows, from the synced ZIdentity inventory
// (secretId set) or from a local profile's optional `secretExpiresAt` (secretId empty). Dates,
// ids and names only: never a secret value.
struct KnownSecret
{
    QString tenantId;
    QString tenantName;
    QString clientId;   // the remote ZIdentity client id (a local-only entry: the profile's client id)
    QString name;       // the client's name (a local-only entry: the profile's name)
    QString profile;    // the linked local profile's name, or empty
    QString profileId;
    QString secretId;   // empty for a local-only expiry date
    QDateTime expiresAt; // UTC; invalid = never expires (or not said)
    bool inUse = false;  // the profile's keychain entry is this secret (ZidInventoryCache::secretOfProfile)

    // Days from `now` to expiry, rounded down; negative once expired; INT_MAX without expiry
    // (as ZidSecret::daysLeft).
    int daysLeft(const QDateTime &now) const;
    bool isExpired(const QDateTime &now) const { return expiresAt.isValid() && expiresAt <= now; }
    bool operator==(const KnownSecret &) const = default;
};

struct Reminder
{
    KnownSecret secret;
    int leadDays = 0;  // the lead time crossed; 0 = expired
    QStringList keys;  // the ledger keys to mark told with it (its own and looser lead times it passed)
};

// Which expiry reminders are due, as pure logic over known secrets, lead times and the keys
// already told (store/ReminderLedger keeps those). Per secret at most one reminder at a time:
// the tightest lead time it has crossed (daysLeft <= lead) or 0 once it has expired; looser lead
// times passed on the way count as told with it (a first look at 5 days left tells the 7-day
// reminder, never the 30-day one).
class SecretReminders
{
public:
    static constexpr int MinLeadDays = 1;
    static constexpr int MaxLeadDays = 365;

    static QList<int> defaultLeadDays(); // {30, 7, 1}
    // "30,7,1" (spaces allowed): each 1–365, deduplicated, sorted descending. Empty or bad input:
    // an empty list and *error says why.
    static QList<int> parseLeadDays(const QString &setting, QString *error = nullptr);
    static QString formatLeadDays(const QList<int> &leadDays); // "30,7,1"
    // Sorted descending, deduplicated, out-of-range values dropped.
    static QList<int> normalized(QList<int> leadDays);

    // The ledger key of one reminder, stable across runs:
    //   "<tenantId>/<clientId>/s:<secretId>/<lead>"             (a remote secret)
    //   "<tenantId>/<clientId>/p:<profileId>@<expiry epoch s>/<lead>" (a local-only date: a new
    //                                                          date is a new secret)
    static QString key(const KnownSecret &secret, int leadDays);
    // The same without the lead: which secret a key belongs to (ReminderLedger::prune).
    static QString secretKey(const KnownSecret &secret);
    static QString secretKeyOf(const QString &key);
    static QString tenantOfKey(const QString &key);
    static bool isLocalKey(const QString &key); // a key of a local-only expiry date

    static QList<Reminder> due(const QList<KnownSecret> &secrets, const QList<int> &leadDays,
                               const QDateTime &now, const QSet<QString> &told);
    static QStringList keysToMark(const QList<Reminder> &reminders);
    // When the next reminder becomes due: `now` if one is due already, invalid if never.
    static QDateTime nextDue(const QList<KnownSecret> &secrets, const QList<int> &leadDays,
                             const QDateTime &now, const QSet<QString> &told);

    // By expiresAt ascending (no expiry last), then tenant, client name, secret id.
    static void sortByExpiry(QList<KnownSecret> &secrets);

    // "Secret 'x' of client 'y' (tenant) expires in 7 days" / "… has expired": for a notification.
    static QString message(const Reminder &reminder);
};

} // namespace zc

Q_DECLARE_METATYPE(zc::KnownSecret)
Q_DECLARE_METATYPE(zc::Reminder)
