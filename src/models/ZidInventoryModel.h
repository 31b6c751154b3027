#pragma once

#include "core/ApiClient.h"
#include "core/ZidClient.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QDateTime>
#include <QList>

namespace zc {

// A tenant's ZIdentity API clients, one row per client: the remote clients of the last synced
// inventory and the tenant's local oneapi-* profiles side by side, linked by client id
// (ApiClient::clientId == ZidApiClient::id). No secret value in any role: secrets are counted and
// dated, the keychain column says whether the profile has its secret recorded (from the config,
// never the keychain). A linked row is "remote changed" when its remote client's settings differ
// from those last seen for the profile (ZidInventoryCache::seen: the first sync, zconsole's own
// edits, or the admin's "mark as seen").
class ZidInventoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, ClientId, Profile, Status, AuthType, Lifetime, Resources, Secrets, NextExpiry, DaysLeft,
                  Keychain, SyncState, ColumnCount };
    enum class Link { Linked, RemoteOnly, LocalOnly };
    // How close the earliest expiry is (the days-left colours).
    enum class Band { None, Month, Week, Expired };
    enum Role {
        LinkRole = Qt::UserRole + 20, // int(Link)
        BandRole,                     // int(Band)
        ProfileIdRole,                // the linked or local profile's id, else empty
        RemoteIdRole,                 // the remote client's id, else empty
    };
    // Foreground / background per band (the GUI hands its token colours; these are the defaults).
    struct Palette
    {
        QColor expiredText = QColor(0xff, 0xff, 0xff);
        QColor expiredBackground = QColor(0xc6, 0x28, 0x28);
        QColor weekText = QColor(0xc6, 0x28, 0x28);
        QColor monthText = QColor(0xb4, 0x53, 0x09);
    };
    static constexpr int WeekDays = 7;
    static constexpr int MonthDays = 30;

    explicit ZidInventoryModel(QObject *parent = nullptr);

    // `profiles`: the tenant's profiles (only oneapi-* ones are shown); `remote`: the tenant's
    // synced clients (ZidInventoryCache::Inventory::clients); `now` dates the days left.
    // `seen`: profile id → settings fingerprint last seen (ZidInventoryCache::seenAll).
    void setData(const QList<ApiClient> &profiles, const QList<ZidApiClient> &remote, const QDateTime &now,
                 const QHash<QString, QString> &seen = {});
    void setPalette(const Palette &palette);
    void setLifetimeUnit(ZidLifetime::Unit unit);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOfRemote(const QString &clientId) const;
    int rowOfProfile(const QString &profileId) const;
    Link linkAt(int row) const { return m_rows.at(row).link(); }
    bool remoteChangedAt(int row) const { return m_rows.at(row).remoteChanged; }
    int countOf(Link link) const;

    static Band bandOf(int daysLeft); // daysLeft as ZidSecret::daysLeft (INT_MAX: no expiry)
    static QString linkName(Link link);

private:
    struct Row
    {
        bool hasProfile = false;
        bool hasRemote = false;
        ApiClient profile;
        ZidApiClient remote;
        QDateTime nextExpiry; // invalid: none known
        int daysLeft = 0;     // INT_MAX without expiry
        bool remoteChanged = false;
        Link link() const { return hasRemote ? (hasProfile ? Link::Linked : Link::RemoteOnly) : Link::LocalOnly; }
    };
    QVariant display(const Row &r, int column) const;
    QVariant sortValue(const Row &r, int column) const;
    QVariant toolTip(const Row &r, int column) const;
    QVariant colour(const Row &r, int role) const;

    QList<Row> m_rows;
    Palette m_palette;
    ZidLifetime::Unit m_unit = ZidLifetime::Unit::Seconds;
};

} // namespace zc
