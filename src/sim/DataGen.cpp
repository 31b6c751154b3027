// Deterministic ZIA, ZIdentity, SaaS Security and AppTotal data, and the demo credentials.
#include "sim/DataGen.h"

#include <QDateTime>

#include <iterator>

namespace zsim {

namespace {

QJsonObject category(const QString &id, const char *super, int val, bool custom)
{
    return QJsonObject{
        {QStringLiteral("id"), id}, {QStringLiteral("superCategory"), QLatin1String(super)},
        {QStringLiteral("keywords"), QJsonArray()}, {QStringLiteral("keywordsRetainingParentCategory"), QJsonArray()},
        {QStringLiteral("urls"), QJsonArray()}, {QStringLiteral("dbCategorizedUrls"), QJsonArray()},
        {QStringLiteral("ipRanges"), QJsonArray()}, {QStringLiteral("ipRangesRetainingParentCategory"), QJsonArray()},
        {QStringLiteral("customCategory"), custom}, {QStringLiteral("editable"), true},
        {QStringLiteral("type"), QStringLiteral("URL_CATEGORY")}, {QStringLiteral("val"), val},
        {QStringLiteral("customUrlsCount"), 0}, {QStringLiteral("urlsRetainingParentCategoryCount"), 0},
        {QStringLiteral("customIpRangesCount"), 0}, {QStringLiteral("ipRangesRetainingParentCategoryCount"), 0},
        {QStringLiteral("categoryGroup"), QStringLiteral("REGULAR")}, {QStringLiteral("urlType"), QStringLiteral("EXACT")},
    };
}

QJsonArray strings(std::initializer_list<const char *> list)
{
    QJsonArray a;
    for (const char *s : list)
        a.append(QString::fromUtf8(s));
    return a;
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

void generateZia(ZiaState &zia)
{
    struct Predef { const char *id, *super; int val; };
    static const Predef predefined[] = {
        {"OTHER_ADULT_MATERIAL", "ADULT_MATERIAL", 1}, {"ADULT_THEMES", "ADULT_MATERIAL", 2},
        {"LINGERIE_BIKINI", "ADULT_MATERIAL", 3}, {"NUDITY", "ADULT_MATERIAL", 4},
        {"EDUCATION", "EDUCATION", 10}, {"OTHER_GOVERNMENT_AND_POLITICS", "GOVERNMENT_AND_POLITICS", 15},
        {"HEALTH", "HEALTH", 16}, {"TRAVEL", "TRAVEL", 17}, {"FINANCE", "BUSINESS_AND_ECONOMY", 20},
        {"CORPORATE_MARKETING", "BUSINESS_AND_ECONOMY", 21}, {"PROFESSIONAL_SERVICES", "BUSINESS_AND_ECONOMY", 22},
        {"STREAMING_MEDIA", "ENTERTAINMENT_AND_RECREATION", 30}, {"GAMBLING", "GAMBLING", 35},
        {"NEWS_AND_MEDIA", "NEWS_AND_MEDIA", 40}, {"ONLINE_SHOPPING", "SHOPPING_AND_AUCTIONS", 50},
        {"SOCIAL_NETWORKING", "SOCIAL_AND_FAMILY", 60}, {"WEB_SEARCH", "INFORMATION_TECHNOLOGY", 70},
        {"WEB_MAIL", "INTERNET_COMMUNICATION", 80}, {"MALWARE_SITE", "SECURITY", 90},
        {"PHISHING", "SECURITY", 91}, {"BOTNET", "SECURITY", 92}, {"SPYWARE_OR_ADWARE", "SECURITY", 93},
        {"MISCELLANEOUS_OR_UNKNOWN", "MISCELLANEOUS", 120}, {"DEVELOPER_TOOLS", "INFORMATION_TECHNOLOGY", 3075},
    };
    zia.categories.clear();
    for (const Predef &p : predefined)
        zia.categories.append(category(QLatin1String(p.id), p.super, p.val, false));
    QJsonObject &first = zia.categories.first();
    first.insert(QStringLiteral("keywordsRetainingParentCategory"), strings({"test"}));
    first.insert(QStringLiteral("dbCategorizedUrls"), strings({"test1.acme.example", "test2.acme.example"}));
    first.insert(QStringLiteral("ipRanges"), strings({"10.0.1.0/24"}));
    first.insert(QStringLiteral("ipRangesRetainingParentCategory"), strings({"10.0.0.0/24"}));
    first.insert(QStringLiteral("customIpRangesCount"), 1);
    first.insert(QStringLiteral("urlsRetainingParentCategoryCount"), 2);
    first.insert(QStringLiteral("ipRangesRetainingParentCategoryCount"), 1);

    struct Custom { const char *name; QJsonArray urls; QJsonArray keywords; };
    const Custom customs[] = {
        {"Allow House Apps", strings({".minecraft.net"}), strings({"minecraft"})},
        {"Blocked — Glücksspiel", strings({"casino.example", ".bet.example"}), QJsonArray()},
        {"Partner Portals ✓", strings({"partner1.example.com", "portal.partner2.example"}), QJsonArray()},
        {"<script>alert(1)</script> & \"Test\"", strings({"xss.example"}), QJsonArray()},
        {"مواقع محظورة", strings({"blocked.example.net"}), strings({"blocked"})},
    };
    zia.nextCustom = 1;
    zia.nextVal = 128;
    for (const Custom &c : customs) {
        QJsonObject o = category(QStringLiteral("CUSTOM_%1").arg(zia.nextCustom++, 2, 10, QLatin1Char('0')),
                                 "USER_DEFINED", zia.nextVal++, true);
        o.insert(QStringLiteral("configuredName"), QString::fromUtf8(c.name));
        o.insert(QStringLiteral("description"), QStringLiteral("Custom category: %1").arg(QString::fromUtf8(c.name)));
        o.insert(QStringLiteral("urls"), c.urls);
        o.insert(QStringLiteral("keywords"), c.keywords);
        o.insert(QStringLiteral("customUrlsCount"), c.urls.size());
        zia.categories.append(o);
    }
}

namespace {

// Fixed RSA-2048 public keys of the generated PUBKEYCERT clients (public halves only; no private
// key exists anywhere: nobody can sign for them). Embedded so that start-up makes no keys.
const char *const kFixedPublicKeys[] = {
    "-----BEGIN PUBLIC KEY-----\n"
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArumelbCgp9Su0AS06dfA\n"
    "IyiDw+sPdYhExKJUgPaN+VGsi/6wy7indldSlcwtWIGFy8KzV9bq0vwFC/zoFhPP\n"
    "s3kYawsN74liAaTtspqaZD8nwMDUFFp2mg8mmQPbTaWYC9mHZF1A07OKQ8FkA3JK\n"
    "RbxDPJUpjv/m9ODu68GET+VLo6UAeWlB4e9+EdBFtaEGoQkKhrpkESDilH7FxpS0\n"
    "vsk8KO1MoQpUiR7m4nZwuTZP5RmA376Kmg3hedO3Qvf10IdjDqjc2YuBHVzXRhSa\n"
    "zwvoV1Ep6MQR7q+O3b3bWQTkbyCEgQ/kMBsqFreFY6OFmg5HjGzLV9fiRlGoUewz\n"
    "mQIDAQAB\n"
    "-----END PUBLIC KEY-----\n",
    "-----BEGIN PUBLIC KEY-----\n"
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEApILKNVUV9DqOMM+HglKe\n"
    "aXEY3JODvk/t5reWf4LstYpAM2oLWI0tUnUhNCtBKbQlcNsc+7CFwTjKJaDtRRcM\n"
    "605kV5SLaIWXmZwJZBPQV5hzopNx0sn1hlnjTGbqoiy0+P3gQarT2qiJAaYaXKmZ\n"
    "kcwC7MDtUTPbkgC8VwRx8ojB/A21wbTUuhnrWMF8IZ9visCcBsCrQkhXJ3f4Mnpo\n"
    "gbG3nigo4mZM5zGOVVgyNVVxK2nN0mDbwrCvKzv6N1+NAU5h9IVUUYCeTokBw7WQ\n"
    "Bj/mjRSnVRitmxp1OFMMYi3tBJrtin+x37nC/nfCWGCVX2nmJ6/ECg8veKTBYZfo\n"
    "9wIDAQAB\n"
    "-----END PUBLIC KEY-----\n",
};

// Days until a generated secret expires: some already expired, some within 1–7 days, a few within
// the month, most 30–365 days away.
qint64 generatedExpirySeconds(Prng &r)
{
    const double p = r.unit();
    if (p < 0.08)
        return -qint64(r.range(1, 120)) * 86400 - r.range(0, 86399);
    if (p < 0.18)
        return qint64(r.range(1, 6)) * 86400 + r.range(0, 86399);
    if (p < 0.25)
        return qint64(r.range(8, 29)) * 86400 + r.range(0, 86399);
    return qint64(r.range(30, 364)) * 86400 + r.range(0, 86399);
}

} // namespace

void generateZid(ZidState &zid, quint64 seed, qint64 nowSec, int clientCount)
{
    Prng r(seed * 0x9E3779B97F4A7C15ULL + 0x21D);
    const auto service = [](const char *id, const char *name, const char *display, const char *cloud) {
        return QJsonObject{{QStringLiteral("id"), QLatin1String(id)}, {QStringLiteral("name"), QLatin1String(name)},
                           {QStringLiteral("displayName"), QLatin1String(display)},
                           {QStringLiteral("cloudName"), QLatin1String(cloud)},
                           {QStringLiteral("orgName"), SimCore::kTenantName}, {QStringLiteral("zapsOnboarded"), false}};
    };
    const auto scopes = [](const char *svc, std::initializer_list<const char *> roles) {
        QJsonArray a;
        int n = 0;
        for (const char *role : roles)
            a.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("%1::hpsim%2").arg(QLatin1String(svc)).arg(++n, 8, 10, QLatin1Char('0'))},
                                 {QStringLiteral("name"), QString(QStringLiteral("Role:") + QLatin1String(role))}});
        return a;
    };
    const auto entry = [](const QJsonObject &svc, const QJsonArray &sc) {
        return QJsonObject{{QStringLiteral("service"), svc}, {QStringLiteral("scopes"), sc}};
    };
    const QJsonArray serviceScopes{
        entry(service("hhsimzia00001", "ZIA", "Zscaler Internet Access", "zscalerbeta.net"),
              scopes("hhsimzia00001", {"API_Role01", "API_Role_READONLY", "demoRole"})),
        entry(service("hhsimzpa00001", "ZPA", "Zscaler Private Access", "zpabeta.net"),
              scopes("hhsimzpa00001", {"ZPA Super Admin", "ZPA Read Only"})),
        entry(service("hhsimziam0001", "ZIAM", "ZIdentity Administration", "zslogin.net"),
              scopes("hhsimziam0001", {"Super Admin", "View Only Admin"})),
        entry(service("hhsimzcc00001", "ZCC", "Zscaler Client Connector", "zscalerbeta.net"),
              scopes("hhsimzcc00001", {"Read Only", "Super Admin"})),
    };
    zid.resourceServers = QJsonArray{
        QJsonObject{{QStringLiteral("id"), QStringLiteral("jhsimzscapis1")}, {QStringLiteral("name"), QStringLiteral("Zscaler APIs")},
                    {QStringLiteral("displayName"), QStringLiteral("Zscaler APIs")},
                    {QStringLiteral("description"), QStringLiteral("Zscaler APIs endpoint")},
                    {QStringLiteral("primaryAud"), QStringLiteral("https://api.zscaler.com")},
                    {QStringLiteral("defaultApi"), true}, {QStringLiteral("serviceScopes"), serviceScopes}},
        QJsonObject{{QStringLiteral("id"), QStringLiteral("jhsimcustom01")}, {QStringLiteral("name"), QStringLiteral("Demo Inventory API")},
                    {QStringLiteral("displayName"), QStringLiteral("Demo Inventory API — Größe ✓")},
                    {QStringLiteral("description"), QStringLiteral("A custom resource server")},
                    {QStringLiteral("primaryAud"), QStringLiteral("https://inventory.demo.example")},
                    {QStringLiteral("defaultApi"), false},
                    {QStringLiteral("serviceScopes"), QJsonArray{entry(service("hhsimcust0001", "CUSTOM", "Inventory", "demo.example"),
                                                                      scopes("hhsimcust0001", {"inventory.read", "inventory.write"}))}}},
    };

    static const char *names[] = {
        "CI pipeline", "Terraform — prod", "SIEM export", "Backup job ✓", "Zürich automation",
        "Ticketing bridge", "<b>Legacy</b> sync", "تكامل الفوترة", "Inventory reader", "Reporting (nightly)",
        "=HYPERLINK(\"x\") audit", "Onboarding bot",
    };
    static const int expiryDays[] = {-30, -1, 2, 5, 6, 20, 45, 90, 150, 200, 300, 364};
    const int named = qMin(12, clientCount);
    zid.clients.reserve(zid.clients.size() + qMax(0, clientCount));
    for (int i = 0; i < named; ++i) {
        ZidClient c;
        c.id = r.token(13);
        c.name = QString::fromUtf8(names[i]);
        c.description = QStringLiteral("Generated API client %1").arg(i + 1);
        c.status = i != 3 && i != 9;
        c.lifetime = i % 3 == 0 ? 3600 : 0;
        c.createdAt = nowSec - 400LL * 86400 + i * 86400LL;
        c.resources = QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("jhsimzscapis1")},
                                             {QStringLiteral("name"), QStringLiteral("Zscaler APIs")},
                                             {QStringLiteral("defaultApi"), true},
                                             {QStringLiteral("selectedScopes"), QJsonArray{serviceScopes.at(i % 4).toObject().value(QLatin1String("scopes")).toArray().first()}}}};
        if (i == 7 || i == 10) {
            c.authType = QStringLiteral("JWKS");
            c.jwksUrl = QStringLiteral("https://keys.demo.example/%1/jwks.json").arg(c.id);
        } else {
            ZidSecret s;
            s.id = r.token(13);
            s.value = r.token(40, kAlnum);
            s.expiresAt = nowSec + qint64(expiryDays[i]) * 86400;
            s.createdAt = qMin(nowSec, s.expiresAt) - 60LL * 86400;
            c.secrets.append(s);
            if (i % 4 == 1) {
                ZidSecret t = s;
                t.id = r.token(13);
                t.value = r.token(40, kAlnum);
                t.createdAt = s.createdAt + 86400;
                t.expiresAt = nowSec + 330LL * 86400;
                c.secrets.append(t);
            }
        }
        zid.clients.append(c);
    }

    // "Automation NNNN": mostly SECRET (one or two secrets each), some PUBKEYCERT (one or two of
    // the fixed keys), a few JWKS; about 1 in 12 disabled; lifetimes 60 s – 24 h; 1–3 scopes.
    static const int lifetimes[] = {60, 300, 900, 1800, 3600, 3600, 7200, 14400, 28800, 43200, 86400};
    for (int i = named; i < clientCount; ++i) {
        ZidClient c;
        c.id = r.token(13);
        c.name = QStringLiteral("Automation %1").arg(i + 1, 4, 10, QLatin1Char('0'));
        c.description = QStringLiteral("Generated API client %1").arg(i + 1);
        c.status = !r.chance(1.0 / 12);
        c.lifetime = r.chance(0.25) ? 0 : lifetimes[r.below(std::size(lifetimes))];
        c.createdAt = nowSec - qint64(r.range(1, 700)) * 86400 - r.range(0, 86399);
        QJsonArray selected;
        const int scopeCount = r.range(1, 3);
        for (int k = 0; k < scopeCount; ++k) {
            const QJsonArray sc = serviceScopes.at(qsizetype(r.below(4))).toObject().value(QLatin1String("scopes")).toArray();
            const QJsonValue pick = sc.at(qsizetype(r.below(quint64(sc.size()))));
            if (!selected.contains(pick))
                selected.append(pick);
        }
        c.resources = QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("jhsimzscapis1")},
                                             {QStringLiteral("name"), QStringLiteral("Zscaler APIs")},
                                             {QStringLiteral("defaultApi"), true},
                                             {QStringLiteral("selectedScopes"), selected}}};
        const double kind = r.unit();
        if (kind < 0.05) {
            c.authType = QStringLiteral("JWKS");
            c.jwksUrl = QStringLiteral("https://keys.demo.example/%1/jwks.json").arg(c.id);
        } else if (kind < 0.17) {
            c.authType = QStringLiteral("PUBKEYCERT");
            const int keys = r.chance(0.3) ? 2 : 1;
            const int first = int(r.below(2));
            for (int k = 0; k < keys; ++k) {
                ZidPublicKey key;
                key.name = QStringLiteral("automation-%1-key%2").arg(i + 1).arg(k + 1);
                key.pem = QByteArray(kFixedPublicKeys[(first + k) % 2]);
                key.value = QString::fromLatin1(key.pem);
                c.publicKeys.append(key);
            }
        } else {
            const int count = r.chance(0.3) ? 2 : 1;
            for (int k = 0; k < count; ++k) {
                ZidSecret s;
                s.id = r.token(13);
                s.value = r.token(40, kAlnum);
                s.expiresAt = nowSec + generatedExpirySeconds(r);
                // valid for 30–365 days, created in the past
                const int minDays = int(qBound(qint64(30), (s.expiresAt - nowSec + 86399) / 86400, qint64(365)));
                s.createdAt = s.expiresAt - qint64(r.range(minDays, 365)) * 86400;
                c.secrets.append(s);
            }
        }
        zid.clients.append(c);
    }
}

QList<QJsonObject> generateIncidents(quint64 seed)
{
    Prng r(seed * 0xD1B54A32D192ED03ULL + 0x5AA5);
    static const char *apps[][3] = {{"acf49b2389c09f26ad0ccd2b1a603328", "Box 1", "box"},
                                    {"0b5d3c2e9f1a4d6b8c7e5f4a3b2c1d0e", "Google Drive — Demo", "google_drive"},
                                    {"7e6d5c4b3a29180f7e6d5c4b3a291807", "Office 365 ✓", "office365"}};
    static const char *severities[] = {"Low", "Medium", "High", "Critical"};
    QList<QJsonObject> out;
    const qint64 base = 1735689600000LL;  // 2025-01-01
    for (int i = 1; i <= 150; ++i) {
        const auto &app = apps[r.below(3)];
        const bool closed = r.chance(0.3);
        const qint64 created = base + qint64(i) * 4 * 3600 * 1000 + qint64(r.below(3600000));
        const qint64 updated = created + (closed ? qint64(r.below(7 * 86400000ULL)) : 0);
        const QString asset = r.pick(QStringList{QStringLiteral("Q3 forecast.xlsx"), QStringLiteral("Zürich Verträge.pdf"),
                                                 QStringLiteral("<customer list>.csv"), QStringLiteral("عقد.docx")});
        QJsonObject o{{QStringLiteral("incident_id"), i}, {QStringLiteral("tenant"), QStringLiteral("demo")},
                      {QStringLiteral("app_id"), QLatin1String(app[0])}, {QStringLiteral("app_name"), QString::fromUtf8(app[1])},
                      {QStringLiteral("app_type"), QLatin1String(app[2])}, {QStringLiteral("cloud_id"), QString::number(600000000000LL + i)},
                      {QStringLiteral("asset_name"), asset}, {QStringLiteral("asset_sha256"), QString::number(r.next(), 16).repeated(4).left(64)},
                      {QStringLiteral("asset_id"), QString::number(r.next(), 16).left(24)},
                      {QStringLiteral("asset_page_uri"), QStringLiteral("https://demo.saas.example/cloud_assets/%1").arg(i)},
                      {QStringLiteral("asset_cloud_uri"), QStringLiteral("https://files.demo.example/f/%1").arg(i)},
                      {QStringLiteral("exposure_type"), 8}, {QStringLiteral("exposure_level"), r.chance(0.5) ? QStringLiteral("internal") : QStringLiteral("public")},
                      {QStringLiteral("policy_id"), QStringLiteral("6109a5d0e64152534b240f48")}, {QStringLiteral("policy_version"), 1},
                      {QStringLiteral("policy_page_uri"), QStringLiteral("https://demo.saas.example/data_policies/6109a5d0e64152534b240f48")},
                      {QStringLiteral("severity"), QLatin1String(severities[r.below(4)])},
                      {QStringLiteral("status"), closed ? QStringLiteral("Closed-Business Justified") : QStringLiteral("Open-New")},
                      {QStringLiteral("state"), closed ? QStringLiteral("closed") : QStringLiteral("open")},
                      {QStringLiteral("category"), closed ? QStringLiteral("business_justified") : QStringLiteral("new")},
                      {QStringLiteral("created_at"), iso(created)}, {QStringLiteral("updated_at"), iso(updated)},
                      {QStringLiteral("group_ids"), QJsonArray()}, {QStringLiteral("asset_owner_id"), QString::number(r.next(), 16)},
                      {QStringLiteral("asset_owner_name"), QStringLiteral("Demo User %1").arg(i % 17)},
                      {QStringLiteral("asset_owner_email"), QStringLiteral("user%1@demo.example").arg(i % 17)},
                      {QStringLiteral("collaborators"), QJsonArray()}, {QStringLiteral("data_patterns"), QJsonArray()}};
        if (closed) {
            o.insert(QStringLiteral("resolved_by"), QStringLiteral("api"));
            o.insert(QStringLiteral("resolution_date"), iso(updated));
        }
        out.append(o);
    }
    return out;
}

QList<QJsonObject> generateApps(quint64 seed)
{
    Prng r(seed * 0xA24BAED4963EE407ULL + 0x77);
    static const char *names[] = {"Acme Notes", "Zephyr Chat", "Orbit Files", "Nimbus Calendar", "Quill Docs",
                                  "Pulse Analytics", "Harbor CRM", "Ledger Lite", "Beacon Mail", "Atlas Maps",
                                  "Größe Planner", "東京 Translate", "Fjord Backup", "Delta Sign", "Echo Survey"};
    static const char *risks[] = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};
    static const char *perms[] = {"Files.Read.All", "Mail.Send", "User.Read", "Calendars.ReadWrite",
                                  "Sites.FullControl.All", "offline_access", "Directory.Read.All"};
    QList<QJsonObject> out;
    for (int i = 0; i < 30; ++i) {
        const int score = int(r.below(101));
        QJsonArray p;
        for (int k = 0; k < 1 + int(r.below(4)); ++k) {
            const char *perm = perms[r.below(7)];
            p.append(QJsonObject{{QStringLiteral("name"), QLatin1String(perm)},
                                 {QStringLiteral("description"), QStringLiteral("Permission %1").arg(QLatin1String(perm))},
                                 {QStringLiteral("risk"), QLatin1String(risks[r.below(4)])}});
        }
        out.append(QJsonObject{
            {QStringLiteral("id"), QString::number(100001 + i)},
            {QStringLiteral("name"), QString(QString::fromUtf8(names[i % 15]) + (i >= 15 ? QStringLiteral(" Pro") : QString()))},
            {QStringLiteral("publisher"), QStringLiteral("Demo Publisher %1").arg(i % 7 + 1)},
            {QStringLiteral("platform"), i % 2 ? QStringLiteral("MICROSOFT") : QStringLiteral("GOOGLE")},
            {QStringLiteral("risk"), QLatin1String(risks[score / 26])},
            {QStringLiteral("score"), score},
            {QStringLiteral("verified"), r.chance(0.6)},
            {QStringLiteral("consentedUsers"), int(r.below(5000))},
            {QStringLiteral("categories"), QJsonArray{i % 3 ? QStringLiteral("Productivity") : QStringLiteral("Collaboration")}},
            {QStringLiteral("permissions"), p},
            {QStringLiteral("lastScannedAt"), QStringLiteral("2025-%1-15T08:00:00Z").arg(i % 12 + 1, 2, 10, QLatin1Char('0'))},
        });
    }
    return out;
}

void SimCore::buildData(const QByteArray &jwtPrivatePem, const QByteArray &jwtPublicPem)
{
    const qint64 now = nowMs();
    generateZpa(zpa, qMax(0, options.segments), options.seed);
    generateZia(zia);
    incidents = generateIncidents(options.seed);
    apps = generateApps(options.seed);
    QString error;
    const auto reg = [&](QJsonObject o) {
        const QJsonObject c = registerClient(o, &error);
        if (!c.isEmpty())
            demoClients.append(c);
    };
    reg({{QStringLiteral("kind"), QStringLiteral("oneapi-secret")}, {QStringLiteral("name"), QStringLiteral("Demo OneAPI client (secret)")}});
    reg({{QStringLiteral("kind"), QStringLiteral("oneapi-jwt")}, {QStringLiteral("name"), QStringLiteral("Demo OneAPI client (private key)")},
         {QStringLiteral("privateKey"), QString::fromLatin1(jwtPrivatePem)}, {QStringLiteral("publicKeyPem"), QString::fromLatin1(jwtPublicPem)}});
    reg({{QStringLiteral("kind"), QStringLiteral("zpa-legacy")}});
    reg({{QStringLiteral("kind"), QStringLiteral("zia-legacy")}, {QStringLiteral("username"), QStringLiteral("admin@demo.example")}});
    reg({{QStringLiteral("kind"), QStringLiteral("zia-oauth")}, {QStringLiteral("scope"), kZiaScope}, {QStringLiteral("clientAuth"), QStringLiteral("basic")}});
    reg({{QStringLiteral("kind"), QStringLiteral("saas-security")}, {QStringLiteral("region"), QStringLiteral("us")}});
    reg({{QStringLiteral("kind"), QStringLiteral("apptotal-key")}});
    reg({{QStringLiteral("kind"), QStringLiteral("sandbox-token")}});
    generateZid(zid, options.seed, now / 1000, qMax(0, options.zidClients));
}

} // namespace zsim
