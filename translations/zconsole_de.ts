<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../src/core/ApiClient.cpp" line="43"/>
        <source>Client name must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ApiClient.cpp" line="45"/>
        <source>Client name is longer than 200 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ApiClient.cpp" line="47"/>
        <source>Client name must be one line of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ApiClient.cpp" line="49"/>
        <source>Choose the tenant this client belongs to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ApiClient.cpp" line="51"/>
        <source>%1 needs a client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ApiClient.cpp" line="53"/>
        <source>Client id must be one line of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ApiClient.cpp" line="55"/>
        <source>%1 needs the admin username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ApiClient.cpp" line="59"/>
        <source>zia-oauth needs the scope &lt;cloud&gt;::&lt;orgId&gt;::&lt;API role&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ApiClient.cpp" line="62"/>
        <source>Scope must look like zscalerbeta.net::8956412::ApiRole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ApiClient.cpp" line="66"/>
        <source>saas-security needs a region: us, apac, eu, uk, in, au, uk2 or jp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ApiClient.cpp" line="68"/>
        <source>Unknown region &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ApiClient.cpp" line="71"/>
        <source>zia-oauth needs the token URL of your identity provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ApiClient.cpp" line="73"/>
        <source>Token URL must be an https:// URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ApiClient.cpp" line="77"/>
        <source>Base URL must be an https:// URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ApiClient.cpp" line="80"/>
        <source>Base URL must be scheme and host only, e.g. https://api.zsapi.net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ApiClient.cpp" line="86"/>
        <source>OneAPI needs the tenant&apos;s vanity domain or a token URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ApiClient.cpp" line="89"/>
        <source>Invalid client id &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ApiClient.cpp" line="99"/>
        <source>Cannot read CA file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ApiClient.cpp" line="102"/>
        <source>CA file %1 holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AuthKind.cpp" line="12"/>
        <source>OneAPI (client secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AuthKind.cpp" line="14"/>
        <source>OneAPI (private key JWT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AuthKind.cpp" line="15"/>
        <source>ZPA legacy API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AuthKind.cpp" line="18"/>
        <source>ZIA legacy (admin + API key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AuthKind.cpp" line="20"/>
        <source>ZIA OAuth (external IdP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AuthKind.cpp" line="23"/>
        <source>Palo Alto SaaS Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AuthKind.cpp" line="24"/>
        <source>AppTotal API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AuthKind.cpp" line="26"/>
        <source>ZIA Sandbox token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AuthKind.cpp" line="74"/>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AuthKind.cpp" line="75"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AuthKind.cpp" line="76"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AuthKind.cpp" line="77"/>
        <source>Private key (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/Tenant.cpp" line="25"/>
        <source>Tenant name must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/Tenant.cpp" line="27"/>
        <source>Tenant name is longer than 200 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/Tenant.cpp" line="29"/>
        <source>Tenant name must be one line of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/Tenant.cpp" line="33"/>
        <source>Custom cloud needs a valid host name, e.g. zsapi.example.net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/Tenant.cpp" line="36"/>
        <source>Unknown cloud &quot;%1&quot;: choose a known cloud or give a host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/Tenant.cpp" line="41"/>
        <source>ZPA customer id must contain digits only (at most 20)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/Tenant.cpp" line="44"/>
        <source>ZIA organisation id must contain digits only (at most 20)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/Tenant.cpp" line="48"/>
        <source>Vanity domain must be one DNS label, e.g. &quot;acme&quot; of acme.zslogin.net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/Tenant.cpp" line="50"/>
        <source>Colour must look like #1e90ff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/Tenant.cpp" line="52"/>
        <source>Notes are longer than 10,000 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/Tenant.cpp" line="54"/>
        <source>Invalid tenant id &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/SecretStore.cpp" line="41"/>
        <source>no such entry in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/SecretStore.cpp" line="43"/>
        <source>no usable OS keychain (%1). Start a Secret Service provider such as gnome-keyring or KWallet in a desktop session; zconsole never stores secrets in plain files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/SecretStore.cpp" line="48"/>
        <source>the keychain refused access (%1); unlock it and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="35"/>
        <source>file is larger than 64 MB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ApiClientTableModel</name>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="61"/>
        <source>%1 stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="62"/>
        <source>%1 missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="109"/>
        <source>All secrets are in the OS keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="110"/>
        <source>Some secrets are not stored yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="124"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="125"/>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="126"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="127"/>
        <source>Client id / user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="128"/>
        <source>Secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="129"/>
        <source>Region / scope / base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="130"/>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ClientSecrets</name>
    <message>
        <location filename="../src/store/ClientSecrets.cpp" line="31"/>
        <source>The %1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/ClientSecrets.cpp" line="34"/>
        <source>The %1 is larger than 64 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/ClientSecrets.cpp" line="38"/>
        <source>The private key must be PEM text (-----BEGIN PRIVATE KEY-----)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/ClientSecrets.cpp" line="41"/>
        <source>The %1 must be one line of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/ClientSecrets.cpp" line="53"/>
        <location filename="../src/store/ClientSecrets.cpp" line="94"/>
        <source>No such API client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/ClientSecrets.cpp" line="55"/>
        <source>Client &quot;%1&quot; (%2) has no %3; it takes: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/ClientSecrets.cpp" line="78"/>
        <source>Could not store the %1 of &quot;%2&quot; in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/ClientSecrets.cpp" line="109"/>
        <source>Could not read the %1 of &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/ClientSecrets.cpp" line="115"/>
        <source>No %1 is stored for &quot;%2&quot;; set it with: zconsole-cli client set-secret &quot;%2&quot; --field %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/ClientSecrets.cpp" line="127"/>
        <source>The keychain did not return the %1 of &quot;%2&quot;; it seems locked or unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/ClientSecrets.cpp" line="134"/>
        <source>The %1 of &quot;%2&quot; was stored on %3 but the keychain (service &quot;%4&quot;) has no entry for it: it was removed outside zconsole or the keychain backend changed. Store it again with zconsole-cli client set-secret &quot;%2&quot; --field %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/ClientSecrets.cpp" line="162"/>
        <source>Could not delete the keychain entries of &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::SecretJob</name>
    <message>
        <location filename="../src/store/SecretStore.cpp" line="97"/>
        <source>the keychain did not answer within %1 s (is it waiting for an unlock prompt?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/SecretStore.cpp" line="118"/>
        <source>the secret is %1 bytes; this platform&apos;s keychain takes at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/SecretStore.cpp" line="175"/>
        <source>the keychain accepted a test entry but did not return it (locked?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/SecretStore.cpp" line="185"/>
        <source>the keychain returned a different value for a test entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/SecretStore.cpp" line="199"/>
        <source>stopped waiting for the keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::TenantStore</name>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="88"/>
        <source>Cannot read %1 (%2). Changes are disabled so that the file is not overwritten; fix its permissions and restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="112"/>
        <source>The configuration file %1 could not be read completely (%2). It was kept as %3; zconsole started with what could be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="116"/>
        <source>The configuration file %1 is damaged (%2) and could not be backed up; changes are disabled so that it is not overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="131"/>
        <source>invalid JSON at offset %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="135"/>
        <source>the top level is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="141"/>
        <source>schemaVersion is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="145"/>
        <source>%1 was written by a newer zconsole (schema %2, this one reads %3); changes are disabled so that it is not downgraded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="158"/>
        <source>tenant &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="170"/>
        <source>client &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="178"/>
        <source>unusable entries: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="200"/>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="245"/>
        <source>Cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="250"/>
        <source>The configuration is locked by another zconsole process (%1.lock); try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="263"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="358"/>
        <source>A tenant named &quot;%1&quot; already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="366"/>
        <source>An API client named &quot;%1&quot; already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="388"/>
        <source>Tenant id %1 is taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="405"/>
        <source>No such tenant (it was removed meanwhile?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="426"/>
        <location filename="../src/store/TenantStore.cpp" line="453"/>
        <location filename="../src/store/TenantStore.cpp" line="479"/>
        <source>No such tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="455"/>
        <source>Client id %1 is taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="472"/>
        <source>No such API client (it was removed meanwhile?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/TenantStore.cpp" line="498"/>
        <location filename="../src/store/TenantStore.cpp" line="514"/>
        <source>No such API client</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::TenantTableModel</name>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="90"/>
        <source>protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="111"/>
        <source>Production tenant: changes ask for the tenant&apos;s name to be typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="127"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="128"/>
        <source>Cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="129"/>
        <source>Vanity domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="130"/>
        <source>ZPA customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="131"/>
        <source>ZIA org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="132"/>
        <source>API clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="133"/>
        <source>Protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="134"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="135"/>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
