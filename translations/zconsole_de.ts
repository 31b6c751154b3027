<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ApiClientDialog</name>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="9"/>
        <source>API client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="19"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="25"/>
        <source>e.g. acme-oneapi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="26"/>
        <source>Client name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="34"/>
        <source>&amp;Tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="40"/>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="48"/>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="54"/>
        <source>Authentication kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="62"/>
        <source>Client &amp;id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="68"/>
        <source>Client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="76"/>
        <source>Admin &amp;user:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="82"/>
        <source>admin@acme.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="83"/>
        <source>Admin username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="91"/>
        <source>&amp;Scope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="97"/>
        <source>zscalerbeta.net::8956412::ApiRole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="98"/>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="106"/>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="112"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="120"/>
        <source>T&amp;oken URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="126"/>
        <source>Token URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="134"/>
        <source>Client a&amp;uth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="140"/>
        <source>Client authentication style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="148"/>
        <source>&amp;Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="154"/>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="162"/>
        <source>&amp;CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="170"/>
        <source>optional: extra PEM CA, e.g. your SSL-inspection root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="171"/>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="177"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="178"/>
        <source>Choose a CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="188"/>
        <source>No&amp;tes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="194"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.ui" line="205"/>
        <source>Secrets (OS keychain)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiClientsPage</name>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="18"/>
        <source>API Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="25"/>
        <source>Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="27"/>
        <source>Filter api clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="28"/>
        <source>Shows the rows that contain every word typed (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="33"/>
        <source>Only the &amp;active tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="34"/>
        <source>Show only the API clients of the tenant chosen in the banner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="45"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="46"/>
        <source>Add an API client (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="51"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="52"/>
        <source>Edit the selected API client (F2 or Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="57"/>
        <source>Set secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="58"/>
        <source>Store a secret of the selected API client in the OS keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="63"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="64"/>
        <source>Delete the selected API client and its keychain entries (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="71"/>
        <source>API clients table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="79"/>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="80"/>
        <source>Get a token for the selected API client and make one cheap authenticated read (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="85"/>
        <source>&amp;Forget token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="86"/>
        <source>Drop the selected API client&apos;s token from memory; a new one is fetched when next needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.ui" line="97"/>
        <source>Tokens are kept in memory only and renewed ahead of expiry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.ui" line="9"/>
        <source>zconsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="36"/>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="39"/>
        <source>Tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="42"/>
        <source>API Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="45"/>
        <source>App Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="48"/>
        <source>ZIA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="51"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="61"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="68"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="79"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="87"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="96"/>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="112"/>
        <source>New &amp;tenant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="113"/>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="114"/>
        <source>Add a tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="117"/>
        <source>New &amp;API client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="118"/>
        <source>Ctrl+Shift+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="119"/>
        <source>Add an API client to the active tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="122"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="123"/>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="124"/>
        <source>Quit zconsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="127"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="128"/>
        <source>F2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="129"/>
        <source>Edit the selected row (F2, Enter or double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="132"/>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="133"/>
        <source>Del</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="134"/>
        <source>Delete the selected row (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="137"/>
        <source>Set &amp;secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="139"/>
        <source>Store a secret of the selected API client in the OS keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="142"/>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="143"/>
        <source>Ctrl+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="144"/>
        <source>Get a token for the selected API client and make one authenticated read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="147"/>
        <source>F&amp;orget token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="148"/>
        <source>Drop the selected API client&apos;s token from memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="151"/>
        <source>&amp;Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="152"/>
        <source>Ctrl+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="153"/>
        <source>Go to the filter box of the current table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="156"/>
        <source>&amp;Tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="157"/>
        <source>Ctrl+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="158"/>
        <source>Show the tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="161"/>
        <source>&amp;API Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="162"/>
        <source>Ctrl+2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="163"/>
        <source>Show the API clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="166"/>
        <source>App &amp;Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="167"/>
        <source>Ctrl+3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="168"/>
        <source>Show the App Segments page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="171"/>
        <source>&amp;ZIA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="172"/>
        <source>Ctrl+4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="173"/>
        <source>Show the ZIA page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="176"/>
        <source>T&amp;ools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="177"/>
        <source>Ctrl+5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="178"/>
        <source>Show the Tools page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="181"/>
        <source>&amp;About zconsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="183"/>
        <source>Version and licence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <message>
        <location filename="../src/core/AppSegment.cpp" line="260"/>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentDiff.cpp" line="184"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentDiff.cpp" line="185"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentDiff.cpp" line="186"/>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentDiff.cpp" line="187"/>
        <source>Domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentDiff.cpp" line="188"/>
        <source>TCP ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentDiff.cpp" line="189"/>
        <source>UDP ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentDiff.cpp" line="190"/>
        <source>Segment group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentDiff.cpp" line="191"/>
        <source>Server groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentDiff.cpp" line="192"/>
        <source>Microtenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentDiff.cpp" line="193"/>
        <source>Bypass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentDiff.cpp" line="194"/>
        <source>Health reporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentDiff.cpp" line="195"/>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentDiff.cpp" line="204"/>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentJson.cpp" line="21"/>
        <source>the segment is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentJson.cpp" line="22"/>
        <source>the segment is not valid JSON (%1 at byte %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentPage.cpp" line="39"/>
        <location filename="../src/core/AppSegmentReader.cpp" line="58"/>
        <location filename="../src/core/ZpaJson.cpp" line="76"/>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentPage.cpp" line="40"/>
        <location filename="../src/core/AppSegmentReader.cpp" line="57"/>
        <location filename="../src/core/ZpaJson.cpp" line="75"/>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentPage.cpp" line="42"/>
        <location filename="../src/core/AppSegmentReader.cpp" line="56"/>
        <location filename="../src/core/ZpaJson.cpp" line="74"/>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentPage.cpp" line="43"/>
        <location filename="../src/core/AppSegmentReader.cpp" line="54"/>
        <location filename="../src/core/ZpaJson.cpp" line="73"/>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentPage.cpp" line="44"/>
        <location filename="../src/core/AppSegmentReader.cpp" line="59"/>
        <location filename="../src/core/ZpaJson.cpp" line="77"/>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentPage.cpp" line="45"/>
        <location filename="../src/core/AppSegmentReader.cpp" line="60"/>
        <location filename="../src/core/ZpaJson.cpp" line="78"/>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentPage.cpp" line="46"/>
        <location filename="../src/core/AppSegmentReader.cpp" line="61"/>
        <location filename="../src/core/ZpaJson.cpp" line="79"/>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentPage.cpp" line="58"/>
        <location filename="../src/core/ZpaPage.cpp" line="40"/>
        <source>the reply is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentPage.cpp" line="84"/>
        <source>row %1 is %2, not an object; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentPage.cpp" line="103"/>
        <source>row %1 (&quot;%2&quot;) has no id; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentPage.cpp" line="107"/>
        <source>segment %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentPage.cpp" line="142"/>
        <location filename="../src/core/ZpaJsonScanner.cpp" line="116"/>
        <source>text after the end of the JSON value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentPage.cpp" line="149"/>
        <location filename="../src/core/ZpaPage.cpp" line="41"/>
        <source>the reply is not complete JSON (%1 at byte %2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentPage.cpp" line="156"/>
        <location filename="../src/core/ZpaPage.cpp" line="60"/>
        <source>the reply is %1, not a list page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentPage.cpp" line="161"/>
        <location filename="../src/core/ZpaPage.cpp" line="66"/>
        <source>the server answered an error instead of a page: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentPage.cpp" line="166"/>
        <location filename="../src/core/ZpaPage.cpp" line="72"/>
        <source>&quot;list&quot; is %1, not an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentPage.cpp" line="174"/>
        <location filename="../src/core/ZpaPage.cpp" line="81"/>
        <source>the page has no &quot;list&quot; although totalCount is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentPage.cpp" line="178"/>
        <location filename="../src/core/ZpaPage.cpp" line="83"/>
        <source>the page holds %1 rows but totalCount is only %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/core/AppSegmentPage.cpp" line="180"/>
        <location filename="../src/api/ZpaListLedger.cpp" line="357"/>
        <source>… and %n more problem(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentReader.cpp" line="145"/>
        <location filename="../src/core/PortRange.cpp" line="69"/>
        <source>port list is %1, not an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentReader.cpp" line="156"/>
        <location filename="../src/core/PortRange.cpp" line="76"/>
        <source>port list has an odd number of entries (%1); the last is read as one port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentReader.cpp" line="168"/>
        <location filename="../src/core/PortRange.cpp" line="86"/>
        <source>port entry %1 is not a port number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentReader.cpp" line="183"/>
        <location filename="../src/core/PortRange.cpp" line="108"/>
        <source>port range list is %1, not an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentReader.cpp" line="204"/>
        <location filename="../src/core/PortRange.cpp" line="123"/>
        <source>port range entry is not {&quot;from&quot;:…,&quot;to&quot;:…}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentReader.cpp" line="285"/>
        <source>&quot;%1&quot; is %2, expected a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentReader.cpp" line="317"/>
        <source>&quot;enabled&quot; is %1, expected a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentReader.cpp" line="341"/>
        <source>&quot;domainNames&quot; holds entries that are not names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentReader.cpp" line="345"/>
        <source>&quot;domainNames&quot; is %1, expected an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/core/AppSegmentReader.cpp" line="357"/>
        <source>%n server group(s) without an id</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentReader.cpp" line="361"/>
        <source>&quot;serverGroups&quot; is %1, expected an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentReader.cpp" line="374"/>
        <location filename="../src/core/PortRange.cpp" line="147"/>
        <source>%1 (%2) and %3 (%4) disagree; using %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentReader.cpp" line="409"/>
        <source>the segment has no id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="79"/>
        <source>is longer than 253 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="85"/>
        <source>has an empty label (two dots in a row, or a dot at the start or end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="89"/>
        <source>has a label longer than 63 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="93"/>
        <source>may only contain letters, digits, &apos;-&apos; and &apos;_&apos; between dots, and no label may start or end with &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="100"/>
        <source>looks like an IP address but is not a valid one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="112"/>
        <source>&quot;%1&quot; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="116"/>
        <source>is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="118"/>
        <source>contains spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="120"/>
        <source>is a URL; enter only the host name, e.g. app.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="123"/>
        <source>contains non-ASCII characters; use the xn-- (punycode) form of the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="134"/>
        <source>has an IPv4 prefix length outside 0–32</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="137"/>
        <source>has an IPv6 prefix length outside 0–128</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="138"/>
        <source>is not a host name, wildcard or IP address (&apos;/&apos; is only allowed in a subnet such as 10.0.0.0/8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="148"/>
        <source>includes a port; enter ports in the TCP/UDP port fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="149"/>
        <source>is not a valid IPv6 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="155"/>
        <location filename="../src/core/AppSegmentValidation.cpp" line="164"/>
        <source>may contain &apos;*&apos; only as the first label, like *.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="157"/>
        <source>is too broad; a wildcard needs a domain with at least two labels, like *.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="176"/>
        <source>Name must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="178"/>
        <source>Name is longer than 255 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="180"/>
        <source>Name must be one line of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="182"/>
        <source>Description is longer than 10,000 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="187"/>
        <source>Enter at least one domain, wildcard or IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="195"/>
        <source>&quot;%1&quot; is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="202"/>
        <source>Enter at least one TCP or UDP port or range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="207"/>
        <source>Choose a segment group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="209"/>
        <source>Choose at least one server group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/AppSegmentValidation.cpp" line="212"/>
        <source>A chosen server group has no id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/PortRange.cpp" line="188"/>
        <location filename="../src/core/PortRange.cpp" line="241"/>
        <source>port %1 is out of range 1–65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/PortRange.cpp" line="193"/>
        <location filename="../src/core/PortRange.cpp" line="249"/>
        <source>range %1-%2 has from &gt; to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/PortRange.cpp" line="207"/>
        <source>ranges %1 and %2 overlap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/PortRange.cpp" line="230"/>
        <source>&quot;%1&quot; is not a port or a range like 8000-8080</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/TokenStatus.cpp" line="10"/>
        <source>no token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/TokenStatus.cpp" line="11"/>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/TokenStatus.cpp" line="12"/>
        <source>expiring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/TokenStatus.cpp" line="13"/>
        <location filename="../src/core/TokenStatus.cpp" line="22"/>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/TokenStatus.cpp" line="14"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/TokenStatus.cpp" line="25"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/TokenStatus.cpp" line="28"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/TokenStatus.cpp" line="31"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/TokenStatus.cpp" line="32"/>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaGroups.cpp" line="30"/>
        <source>%1 %2 of the page has no id; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaGroups.cpp" line="116"/>
        <source>microtenant must be &quot;all&quot;, &quot;default&quot; or a numeric id, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaJson.cpp" line="81"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaJsonScanner.cpp" line="148"/>
        <source>invalid \u escape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaJsonScanner.cpp" line="161"/>
        <source>invalid UTF-8 in a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaJsonScanner.cpp" line="169"/>
        <source>unterminated string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaJsonScanner.cpp" line="205"/>
        <location filename="../src/core/ZpaJsonScanner.cpp" line="209"/>
        <location filename="../src/core/ZpaJsonScanner.cpp" line="217"/>
        <source>invalid number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaJsonScanner.cpp" line="229"/>
        <location filename="../src/core/ZpaJsonScanner.cpp" line="282"/>
        <source>unexpected end of the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaJsonScanner.cpp" line="233"/>
        <source>nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaJsonScanner.cpp" line="243"/>
        <source>invalid literal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaJsonScanner.cpp" line="266"/>
        <location filename="../src/core/ZpaJsonScanner.h" line="106"/>
        <source>expected a member name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaJsonScanner.cpp" line="273"/>
        <location filename="../src/core/ZpaJsonScanner.h" line="114"/>
        <source>expected &apos;:&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaJsonScanner.cpp" line="291"/>
        <source>expected &apos;,&apos; or &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaJsonScanner.cpp" line="299"/>
        <source>unexpected character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaJsonScanner.h" line="62"/>
        <source>expected &apos;[&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaJsonScanner.h" line="81"/>
        <source>expected &apos;,&apos; or &apos;]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaJsonScanner.h" line="94"/>
        <source>expected &apos;{&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaJsonScanner.h" line="127"/>
        <source>expected &apos;,&apos; or &apos;}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaPage.cpp" line="18"/>
        <source>%1 is %2 (%3), not a whole number; ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaPage.cpp" line="23"/>
        <source>%1 is negative (%2); ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaPage.cpp" line="27"/>
        <source>%1 = %2 is implausible (more than %3); ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaPage.cpp" line="95"/>
        <source>totalPages (%1) does not match totalCount %2 at %3 per page (%4 pages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZpaPage.cpp" line="103"/>
        <source>%1 pages are more than the limit of %2; reading %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/AuditLog.cpp" line="127"/>
        <source>Cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/AuditLog.cpp" line="137"/>
        <source>Cannot open the audit log %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/AuditLog.cpp" line="147"/>
        <source>Writing the audit log %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/AuditLog.cpp" line="163"/>
        <source>Cannot read the audit log %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/ErrorBody.cpp" line="68"/>
        <source>the server answered with an HTML page, not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/ErrorBody.cpp" line="120"/>
        <source>the server answered %1 with an empty body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/ErrorBody.cpp" line="122"/>
        <source>the server answered %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/ErrorBody.cpp" line="124"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/RetryPolicy.cpp" line="88"/>
        <source>gave up after waiting %1 s for the tenant&apos;s edit lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/RetryPolicy.cpp" line="98"/>
        <source>still rate limited after %1 attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/RetryPolicy.cpp" line="100"/>
        <source>failed %1 times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/RetryPolicy.cpp" line="101"/>
        <source>server still busy after %1 attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/RetryPolicy.cpp" line="109"/>
        <source>the server asks to wait %1 s (a quota is exhausted); try again later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/RetryPolicy.cpp" line="127"/>
        <source>the server asks to wait %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/Authenticator.cpp" line="29"/>
        <source>API client &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/Authenticator.cpp" line="155"/>
        <source>%1: the server refused the credentials: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/Authenticator.cpp" line="173"/>
        <source>%1 has no usable token URL; set the tenant&apos;s vanity domain or the client&apos;s --token-url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/OneApiAuthenticator.cpp" line="40"/>
        <source>%1: cannot sign the client assertion: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/StaticKeyAuthenticator.cpp" line="29"/>
        <source>%1: the stored API key contains characters that cannot be sent; store it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/TokenReply.cpp" line="39"/>
        <location filename="../src/auth/TokenReply.cpp" line="66"/>
        <source>the token endpoint answered with an HTML page, not JSON (a login page or a proxy in the way?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/TokenReply.cpp" line="63"/>
        <source>the token endpoint answered with an empty body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/TokenReply.cpp" line="71"/>
        <source>the token endpoint answered with invalid JSON (%1 at offset %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/TokenReply.cpp" line="75"/>
        <source>the token endpoint answered with JSON that is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/TokenReply.cpp" line="79"/>
        <source>the token endpoint&apos;s reply has no access_token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/TokenReply.cpp" line="82"/>
        <source>the access token is %1 bytes long; more than %2 is refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/TokenReply.cpp" line="87"/>
        <source>the access token contains characters that cannot go in an HTTP header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/TokenReply.cpp" line="93"/>
        <source>the token endpoint issued a &quot;%1&quot; token; zconsole speaks Bearer tokens only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/ZiaApiKey.cpp" line="11"/>
        <source>the ZIA API key must be at least 12 characters long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/ZiaLegacyAuthenticator.cpp" line="38"/>
        <source>: no usable session URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/ZiaLegacyAuthenticator.cpp" line="51"/>
        <source>%1: the session endpoint answered %2 but set no JSESSIONID cookie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/SaasSecurityApi.cpp" line="79"/>
        <source>the incident list has no &quot;resources&quot; array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaApi.cpp" line="34"/>
        <source>expected HTTP %1, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaListLedger.cpp" line="25"/>
        <source>page 1 holds %1 rows although %2 were asked for and totalCount is %3: the server serves %1 rows per page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaListLedger.cpp" line="36"/>
        <source>totalPages (%1) does not match totalCount %2 at %3 rows per page (%4 pages); reading %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaListLedger.cpp" line="46"/>
        <source>page 1 is short (%1 rows) although totalPages is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaListLedger.cpp" line="49"/>
        <source>the reply has no usable totals: reading pages until one comes back short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaListLedger.cpp" line="53"/>
        <source>%1 pages are announced, more than the limit of %2: reading %2; the listing will be incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaListLedger.cpp" line="167"/>
        <source>more than %1 pages: the rest is not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaListLedger.cpp" line="203"/>
        <source>totalCount changed from %1 to %2 (page %3): the tenant changed during the read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaListLedger.cpp" line="223"/>
        <source>page %1, the last announced, is full although totalCount is %2: reading on until a short page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaListLedger.cpp" line="260"/>
        <source>page %1 holds %2 rows, %3 expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaListLedger.cpp" line="262"/>
        <source>every row of page %1 came on another page already</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/api/ZpaListLedger.cpp" line="272"/>
        <source> (kept after %n attempt(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/api/ZpaListLedger.cpp" line="299"/>
        <source>page %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaListLedger.cpp" line="361"/>
        <source>the listing was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaListLedger.cpp" line="368"/>
        <source>page 1 could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaListLedger.cpp" line="376"/>
        <source>more pages than the limit of %1 were announced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaListLedger.cpp" line="377"/>
        <source>page(s) %1 could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaListLedger.cpp" line="379"/>
        <source>incomplete listing: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaListLedger.cpp" line="388"/>
        <source>%1 unique rows were listed but totalCount is %2: the tenant changed during the read, or its count is off; refresh to be sure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaSegmentInput.cpp" line="41"/>
        <source>%1 (%2) and %3 (%4) describe different ports: give one of them, or the same ranges in both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/ConnectionTest.cpp" line="28"/>
        <source>the tenant has no ZPA customer id, so only the sign-in was tested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/ConnectionTest.cpp" line="35"/>
        <source>a 404 (unknown app) means the key was accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/ConnectionTest.cpp" line="75"/>
        <source>the API client was removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/ConnectionTest.cpp" line="96"/>
        <source>unexpected reply %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ExportTable.cpp" line="35"/>
        <source>Writing the export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ExportTable.cpp" line="123"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ExportTable.cpp" line="133"/>
        <source>Writing %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ExportTable.cpp" line="141"/>
        <source>Cannot save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/SecretInput.cpp" line="75"/>
        <source>the secret on standard input is larger than 64 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/SecretInput.cpp" line="92"/>
        <source>nothing was typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/SecretInput.cpp" line="93"/>
        <source>standard input was empty; pipe the secret in, e.g. `secret-tool lookup … | zconsole-cli client set-secret NAME`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/StoreErrors.cpp" line="39"/>
        <source>No tenant named &quot;%1&quot; (see: zconsole-cli tenant list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/StoreErrors.cpp" line="49"/>
        <source>No API client named &quot;%1&quot; (see: zconsole-cli client list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/StoreErrors.cpp" line="67"/>
        <source>&quot;%1&quot; is a protected tenant. To %2, type its name: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/ActivationLedger.cpp" line="107"/>
        <source>the activation ledger %1 is locked by another zconsole process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/ActivationLedger.cpp" line="114"/>
        <source>the activation ledger %1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/ActivationLedger.cpp" line="143"/>
        <location filename="../src/store/ActivationLedger.cpp" line="149"/>
        <source>the activation ledger %1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SegmentEditorDialog</name>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="9"/>
        <source>Application segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="31"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="40"/>
        <source>Segment name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="50"/>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="60"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="70"/>
        <source>&amp;Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="75"/>
        <source>Do&amp;mains:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="85"/>
        <source>One per line: app.example.com, *.corp.example.com, 10.1.2.3 or 10.0.0.0/8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="86"/>
        <source>Domains, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="96"/>
        <source>&amp;TCP ports:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="105"/>
        <source>e.g. 443, 8000-8080</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="106"/>
        <source>TCP ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="116"/>
        <source>&amp;UDP ports:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="125"/>
        <source>e.g. 53, 5000-5100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="126"/>
        <source>UDP ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="139"/>
        <source>Segment &amp;group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="148"/>
        <source>Segment group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="158"/>
        <source>Ser&amp;ver groups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="167"/>
        <source>Server groups (check the ones to use)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="177"/>
        <source>&amp;Bypass:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="183"/>
        <source>Bypass type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="188"/>
        <source>&amp;Health reporting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="194"/>
        <source>Health reporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="214"/>
        <source>What will change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="229"/>
        <source>Changed on both sides (yours and theirs differ):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="234"/>
        <source>Fields changed on both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="239"/>
        <source>Changed on the server since you opened it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="244"/>
        <source>Fields changed on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="255"/>
        <source>&amp;Back to editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="261"/>
        <source>&amp;Reload their version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="267"/>
        <source>&amp;Apply my changes on top of theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="273"/>
        <source>&amp;Overwrite theirs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="285"/>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="291"/>
        <source>Save &amp;changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.ui" line="297"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TenantDialog</name>
    <message>
        <location filename="../ui/TenantDialog.ui" line="9"/>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="19"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="25"/>
        <source>e.g. Acme production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="26"/>
        <source>Tenant name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="34"/>
        <source>&amp;Cloud:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="42"/>
        <source>A Zscaler cloud, or the host name of a custom cloud (e.g. zsapi.example.net)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="43"/>
        <source>Cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="51"/>
        <source>&amp;Vanity domain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="57"/>
        <source>acme (of acme.zslogin.net), for OneAPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="58"/>
        <source>Vanity domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="66"/>
        <source>&amp;ZPA customer id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="72"/>
        <source>digits, e.g. 216196257331281920</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="73"/>
        <source>ZPA customer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="81"/>
        <source>ZIA &amp;org id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="87"/>
        <source>digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="88"/>
        <source>ZIA organisation id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="96"/>
        <source>Co&amp;lour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="106"/>
        <source>Banner colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="112"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="113"/>
        <source>Choose banner colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="119"/>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="120"/>
        <source>Use the default banner colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="136"/>
        <source>&amp;Protected (production): deleting asks for the name to be typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="141"/>
        <source>N&amp;otes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.ui" line="148"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TenantsPage</name>
    <message>
        <location filename="../ui/TenantsPage.ui" line="18"/>
        <source>Tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.ui" line="25"/>
        <source>Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.ui" line="27"/>
        <source>Filter tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.ui" line="28"/>
        <source>Shows the rows that contain every word typed (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.ui" line="40"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.ui" line="41"/>
        <source>Add a tenant (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.ui" line="46"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.ui" line="47"/>
        <source>Edit the selected tenant (F2 or Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.ui" line="52"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.ui" line="53"/>
        <source>Delete the selected tenant, its API clients and their keychain entries (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.ui" line="60"/>
        <source>Tenants table</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc</name>
    <message>
        <location filename="../src/core/ZiaActivation.cpp" line="44"/>
        <source>the activation status is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZiaActivation.cpp" line="47"/>
        <source>the activation status has no &quot;status&quot; text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZiaActivation.cpp" line="50"/>
        <source>unknown activation status &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZiaActivation.cpp" line="70"/>
        <source>Activate the ZIA configuration of tenant &quot;%1&quot;?
Activation is tenant-wide: it puts into effect EVERY admin&apos;s pending changes, not only yours. It may queue behind other admins&apos; sessions, and it cannot be cancelled or undone once sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ZiaActivation.cpp" line="93"/>
        <source>activation budget: next slot in %1 (at most %2 activations per minute and %3 per hour; one activation applies everything pending, so there is nothing to queue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/AppTotalQuota.cpp" line="76"/>
        <location filename="../src/api/AppTotalQuota.cpp" line="84"/>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ActivationController</name>
    <message>
        <location filename="../src/session/ActivationController.cpp" line="139"/>
        <source>an activation of tenant &quot;%1&quot; is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/ActivationController.cpp" line="150"/>
        <source>the ZIA API of tenant &quot;%1&quot; is in read-only mode (a scheduled upgrade): activation is disabled until the mode ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/ActivationController.cpp" line="188"/>
        <source>Activating the ZIA configuration of tenant &quot;%1&quot;…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/ActivationController.cpp" line="215"/>
        <source>Activation in progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/ActivationController.cpp" line="216"/>
        <source>Activation queued behind other admins&apos; sessions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/ActivationController.cpp" line="245"/>
        <source>Checking the activation status failed (%1); trying again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/ActivationController.cpp" line="252"/>
        <source>tenant &quot;%1&quot;: the activation is still %2 after %3; it goes on on the server and cannot be cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/ActivationController.cpp" line="271"/>
        <source>stopped waiting; an activation already sent goes on on the server (it cannot be cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/ActivationController.cpp" line="304"/>
        <source>Tenant &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/ActivationController.cpp" line="356"/>
        <source>The tenant&apos;s edit lock is held by another admin or session; trying again in %1 (attempt %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/ActivationController.cpp" line="360"/>
        <source>%1; trying again in %2 (attempt %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ApiCaller</name>
    <message>
        <location filename="../src/auth/ApiCaller.cpp" line="119"/>
        <location filename="../src/auth/ApiCaller.cpp" line="126"/>
        <location filename="../src/auth/ApiCaller.cpp" line="181"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/ApiCaller.cpp" line="139"/>
        <source>the API client was removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/ApiCaller.cpp" line="202"/>
        <source>%1: the server refused a fresh token: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ApiClientDialog</name>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="41"/>
        <source>New API client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="41"/>
        <location filename="../ui/ApiClientDialog.cpp" line="293"/>
        <source>Edit API client “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="46"/>
        <location filename="../ui/ApiClientDialog.cpp" line="49"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="47"/>
        <source>(choose a region)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="50"/>
        <source>HTTP Basic header (client_secret_basic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="51"/>
        <source>In the request body (client_secret_post)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="175"/>
        <source>T&amp;oken URL (IdP):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="175"/>
        <source>T&amp;oken URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="191"/>
        <source>required: the token endpoint of your identity provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="193"/>
        <location filename="../ui/ApiClientDialog.cpp" line="197"/>
        <source>default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="195"/>
        <location filename="../ui/ApiClientDialog.cpp" line="196"/>
        <source>optional override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="208"/>
        <source>An API client named “%1” already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="212"/>
        <source>Add a tenant first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="233"/>
        <source>The configuration is read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="254"/>
        <source>Choose a CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="255"/>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="286"/>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="301"/>
        <source>Storing in the OS keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="325"/>
        <source>You stopped waiting for the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientDialog.cpp" line="327"/>
        <source>The profile “%1” was saved, but a secret was NOT stored in the keychain: %2
Type the secret again and press OK to retry, or set it later with Set secret….</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ApiClientTableModel</name>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="69"/>
        <source>A token request is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="112"/>
        <source>%1 stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="113"/>
        <source>%1 missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="168"/>
        <source>All secrets are in the OS keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="169"/>
        <source>Some secrets are not stored yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="185"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="186"/>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="187"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="188"/>
        <source>Client id / user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="189"/>
        <source>Secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="190"/>
        <source>Region / scope / base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="191"/>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="192"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="193"/>
        <source>Expires in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/ApiClientTableModel.cpp" line="194"/>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ApiClientsPage</name>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="159"/>
        <source>“%1”: cannot test: the background session worker is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="163"/>
        <location filename="../ui/ApiClientsPage.cpp" line="164"/>
        <source>Testing the connection of “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="173"/>
        <source>“%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="173"/>
        <source>“%1”: connection failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="188"/>
        <source>Forgot the token of “%1”; a new one is fetched when next needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="197"/>
        <source>Forget ZIA session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="198"/>
        <source>Forget the ZIA API session of “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="199"/>
        <source>The session is not ended on the server: it ends by itself after its idle timeout, and a ZIA session that ends ACTIVATES every pending change of the tenant, including other admins&apos; changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="202"/>
        <source>Forget session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="239"/>
        <source>No API clients yet.
Add a tenant first (Ctrl+N), then its API clients (Ctrl+Shift+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="240"/>
        <source>No API clients yet.
Add one with “Add…” or New API client (Ctrl+Shift+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="247"/>
        <source>The tenant “%1” has no API clients yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="256"/>
        <source>Set &amp;secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="261"/>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="262"/>
        <source>Ctrl+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="265"/>
        <source>&amp;Forget token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="283"/>
        <location filename="../ui/ApiClientsPage.cpp" line="298"/>
        <source>Saved API client “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="312"/>
        <source>Stored the secret of “%1” in the OS keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="334"/>
        <location filename="../ui/ApiClientsPage.cpp" line="353"/>
        <location filename="../ui/ApiClientsPage.cpp" line="358"/>
        <source>Delete API client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="335"/>
        <source>Delete the API client “%1” of tenant “%2”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="337"/>
        <source>Its keychain entries (none recorded) are cleaned up too. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="338"/>
        <source>This also deletes its keychain entries (%1). This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="340"/>
        <source>Delete client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="344"/>
        <source>Nothing deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="349"/>
        <source>Deleted API client “%1” and its keychain entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="354"/>
        <source>“%1” was removed from the configuration, but its keychain entries could not be deleted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ApiClientsPage.cpp" line="358"/>
        <source>“%1” was not deleted: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::AppSegmentTableModel</name>
    <message>
        <location filename="../src/models/AppSegmentTableModel.cpp" line="44"/>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/AppSegmentTableModel.cpp" line="44"/>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/models/AppSegmentTableModel.cpp" line="89"/>
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/models/AppSegmentTableModel.cpp" line="94"/>
        <source>Modified %1 by %2; created %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/AppSegmentTableModel.cpp" line="96"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/AppSegmentTableModel.cpp" line="112"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/AppSegmentTableModel.cpp" line="113"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/AppSegmentTableModel.cpp" line="114"/>
        <source>Domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/AppSegmentTableModel.cpp" line="115"/>
        <source>TCP ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/AppSegmentTableModel.cpp" line="116"/>
        <source>UDP ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/AppSegmentTableModel.cpp" line="117"/>
        <source>Segment group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/AppSegmentTableModel.cpp" line="118"/>
        <source>Server groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/AppSegmentTableModel.cpp" line="119"/>
        <source>Microtenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/AppSegmentTableModel.cpp" line="120"/>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/AppSegmentTableModel.cpp" line="121"/>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::AppSegmentsPage</name>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="49"/>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="68"/>
        <source>App Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="76"/>
        <source>API client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="77"/>
        <source>(no ZPA API client)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="78"/>
        <source>The API client to read and change segments with (zpa-legacy, oneapi-secret, oneapi-jwt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="81"/>
        <source>Microtenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="82"/>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="112"/>
        <source>Which microtenant&apos;s segments Load reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="86"/>
        <source>Server-side search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="87"/>
        <source>Server search (on Load)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="88"/>
        <source>Sent to ZPA with Load: plain text = name contains; or an expression such as name+EQ+web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="92"/>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="368"/>
        <source>&amp;Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="93"/>
        <source>Read every segment of the chosen client&apos;s tenant (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="94"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="95"/>
        <source>Stop reading (Esc); the rows read so far stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="107"/>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="108"/>
        <source>Filter by name, domain or port… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="111"/>
        <source>Col&amp;umns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="117"/>
        <source>Show or hide columns (also the table header&apos;s context menu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="118"/>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="120"/>
        <source>Export view as &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="121"/>
        <source>Export view as &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="124"/>
        <source>Save the rows as shown (filtered and sorted) as CSV, or the complete segments as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="125"/>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="126"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="127"/>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="128"/>
        <source>&amp;Audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="129"/>
        <source>Every change made through zconsole (this computer&apos;s audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="141"/>
        <source>Application segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="163"/>
        <source>Client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="305"/>
        <source>1 segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="305"/>
        <source>%1 segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="307"/>
        <source>%1 of %2 segments match the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="313"/>
        <source>No segment matches the filter “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="317"/>
        <source>Reading the first page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="321"/>
        <source>Press Load (F5) to read the application segments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="368"/>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="381"/>
        <source>The segment editor is not part of this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="383"/>
        <source>The configuration is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="385"/>
        <source>The ZPA API is in read-only mode: Load again to retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="387"/>
        <source>Wait until the segments are loaded (or cancel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPage.cpp" line="389"/>
        <source>Choose an API client that speaks ZPA first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageActions.cpp" line="105"/>
        <source>Copied 1 row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageActions.cpp" line="105"/>
        <source>Copied %1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageActions.cpp" line="129"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageActions.cpp" line="132"/>
        <source>Exported %1 rows to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageActions.cpp" line="139"/>
        <source>Export segments as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageActions.cpp" line="139"/>
        <source>Export segments as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageActions.cpp" line="141"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageActions.cpp" line="141"/>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageEdit.cpp" line="40"/>
        <source>Segment and server groups could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageEdit.cpp" line="68"/>
        <source>Reading the current version of the segment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageEdit.cpp" line="82"/>
        <source>The segment no longer exists on the server; its row was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageEdit.cpp" line="84"/>
        <source>The segment could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageEdit.cpp" line="152"/>
        <source>Deleting the segment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageEdit.cpp" line="170"/>
        <source>Deleted the segment “%1” (id %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageEdit.cpp" line="171"/>
        <source>The segment “%1” was deleted, but it can still be read back; reload to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageEdit.cpp" line="174"/>
        <source>The segment was not deleted (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageEdit.cpp" line="190"/>
        <source>Created the segment “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageEdit.cpp" line="191"/>
        <source>Saved the segment “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageEdit.cpp" line="211"/>
        <source>The ZPA API of tenant “%1” is in read-only mode (a scheduled upgrade): changes are disabled. Reading still works; Load again to retry changes once the mode has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="71"/>
        <source>All microtenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="72"/>
        <source>Default microtenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="101"/>
        <source>Microtenants could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="120"/>
        <source>Cannot load segments: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="139"/>
        <source>Reading page 1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="152"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="183"/>
        <source>%1 / %2 pages — %3 segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="188"/>
        <source> of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="190"/>
        <source>1 retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="190"/>
        <source>%1 retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="192"/>
        <source>rate limit: next request in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="205"/>
        <source>Page %1 is requested again (attempt %2, in %3 ms): %4. Pages retried so far: %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="215"/>
        <source>The API client&apos;s credentials were refused (%1). Check its secret on the API Clients page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="217"/>
        <source>The API client may not read application segments (403: %1). Check its role or scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="219"/>
        <source>The ZPA API could not be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="237"/>
        <source>Loaded %1 segments in %2 s (%3 pages).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="239"/>
        <source>%1 page requests had to be repeated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="243"/>
        <source>The tenant changed while it was read (the totals moved from %1 to %2): the list may not be a snapshot. Reload to be sure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="251"/>
        <source>Incomplete: %1 of %2 segments were read; page %3 could not be read (%4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="252"/>
        <source>Incomplete: %1 of %2 segments were read; pages %3 could not be read (%4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="255"/>
        <source>Reload to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="257"/>
        <source>The listing announced more pages than zconsole reads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="261"/>
        <source>Loading failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="265"/>
        <source>Cancelled: %1 of %2 segments loaded (the list is partial). Load again for all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="269"/>
        <source>Complete: 1 page read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/AppSegmentsPageLoad.cpp" line="269"/>
        <source>Complete: %1 pages read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::AppTotalApi</name>
    <message>
        <location filename="../src/api/AppTotalApi.cpp" line="95"/>
        <source>%1 is a %2 client: AppTotal needs an apptotal-key (or oneapi-*) client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/AppTotalApi.cpp" line="97"/>
        <source>unknown API client %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/AppTotalApi.cpp" line="102"/>
        <source>an app id is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/AppTotalApi.cpp" line="112"/>
        <source>the AppTotal daily quota of %1 is spent (X-Rate-Limit-Remaining was 0 at %2 UTC); it resets at %3 UTC, in %4. No request was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/AppTotalApi.cpp" line="151"/>
        <source>the AppTotal catalogue has no app with id &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/AppTotalApi.cpp" line="156"/>
        <source>%1: the AppTotal daily quota is spent: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/AppTotalApi.cpp" line="163"/>
        <source>the AppTotal reply is not an app object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::AppTotalWidget</name>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="43"/>
        <source>&amp;Look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="56"/>
        <source>(no apptotal-key or oneapi-* API client)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="59"/>
        <source>App id, e.g. 100001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="63"/>
        <source>Look the app up in the AppTotal catalogue (each lookup spends one call of the daily quota)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="76"/>
        <source>Permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="76"/>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="76"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="89"/>
        <source>API &amp;client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="91"/>
        <source>App &amp;id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="103"/>
        <source>Risk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="104"/>
        <source>Score:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="105"/>
        <source>Publisher:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="106"/>
        <source>Details:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="111"/>
        <source>Permissions the app asks for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="127"/>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="227"/>
        <source>Remaining quota today: unknown until the first lookup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="159"/>
        <source>Looking up app %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="175"/>
        <source>The AppTotal catalogue has no app with the id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="176"/>
        <source>Lookup of app %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="182"/>
        <source>AppTotal: %1, risk %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="187"/>
        <source>%1  (id %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="188"/>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="194"/>
        <source>not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="194"/>
        <source>%1 / 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="195"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="198"/>
        <source>Platform: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="199"/>
        <source>verified publisher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="199"/>
        <source>publisher not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="201"/>
        <source>%1 consented users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="203"/>
        <source>Categories: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="229"/>
        <source>Daily quota spent: no request is sent until it resets (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/AppTotalWidget.cpp" line="231"/>
        <source>Remaining quota today: %1 lookups (resets %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::AuditLogDialog</name>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="48"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="48"/>
        <source>Audit log — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="50"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="50"/>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="50"/>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="50"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="50"/>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="50"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="50"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="64"/>
        <source>Recorded changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="67"/>
        <source>Filter by tenant, action, id, name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="69"/>
        <source>&amp;Filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="74"/>
        <source>Details of the selected change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="75"/>
        <source>Select a change to see what it did.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="80"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="147"/>
        <source>The audit log cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="149"/>
        <source>No changes recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="151"/>
        <source>%n change(s) recorded.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="153"/>
        <source>%n damaged line(s) skipped.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="154"/>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="168"/>
        <source>%1 of %2 %3 “%4”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="169"/>
        <source>Time: %1 (UTC %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="171"/>
        <source>Tenant: %1 (%2), client: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="172"/>
        <source>Result: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="172"/>
        <source>(not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="175"/>
        <source>Changed fields:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="177"/>
        <source>  (none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="179"/>
        <source>  %1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="182"/>
        <source>Before:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/AuditLogDialog.cpp" line="184"/>
        <source>After:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ClientCombo</name>
    <message>
        <location filename="../ui/ClientCombo.cpp" line="14"/>
        <source>(no suitable API client)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ClientCombo.cpp" line="85"/>
        <source>%1 — %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ClientCombo.cpp" line="86"/>
        <source>%1 (%2)</source>
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
    <name>zc::Confirm</name>
    <message>
        <location filename="../ui/Confirm.cpp" line="91"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::FieldErrors</name>
    <message>
        <location filename="../ui/FieldErrors.cpp" line="40"/>
        <source>Still needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::HttpClient</name>
    <message>
        <location filename="../src/net/HttpClient.cpp" line="53"/>
        <source>Cannot read the CA file %1 of this client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/HttpClient.cpp" line="60"/>
        <source>The CA file %1 holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::HttpExchange</name>
    <message>
        <location filename="../src/net/HttpExchange.cpp" line="50"/>
        <location filename="../src/net/HttpExchange.cpp" line="62"/>
        <location filename="../src/net/HttpExchange.cpp" line="76"/>
        <location filename="../src/net/HttpExchange.cpp" line="250"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/HttpExchange.cpp" line="82"/>
        <source>not a usable URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/HttpExchange.cpp" line="86"/>
        <source>refusing plain http://; zconsole only talks https</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/HttpExchange.cpp" line="177"/>
        <source>the TLS handshake failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/HttpExchange.cpp" line="178"/>
        <source>TLS: could not verify the server %1: %2. If a TLS-inspecting proxy is in the way, add its CA certificate to the client with --ca-file (zconsole never ignores certificate errors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/HttpExchange.cpp" line="188"/>
        <source>%1 refused the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/HttpExchange.cpp" line="190"/>
        <source>%1 closed the connection before the reply was complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/HttpExchange.cpp" line="191"/>
        <source>the host %1 was not found (DNS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/HttpExchange.cpp" line="192"/>
        <source>the connection to %1 timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/HttpExchange.cpp" line="194"/>
        <source>the network is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/HttpExchange.cpp" line="200"/>
        <source>the proxy failed to reach %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/HttpExchange.cpp" line="203"/>
        <source>%1 sent a reply that is not valid HTTP, or cut it short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/HttpExchange.cpp" line="204"/>
        <source>network error talking to %1 (code %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/HttpExchange.cpp" line="253"/>
        <source>the reply is larger than the limit of %1 MB; it was not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/HttpExchange.cpp" line="257"/>
        <source>no complete reply from %1 within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/HttpExchange.cpp" line="264"/>
        <source>%1 sent nothing for %2 s (transfer timeout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/HttpExchange.cpp" line="291"/>
        <source>more than %1 redirects; stopped at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/HttpExchange.cpp" line="297"/>
        <source>the server redirected to an insecure or unknown URL (%1); zconsole only follows redirects to https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/HttpExchange.cpp" line="304"/>
        <source>the token endpoint redirected to another origin (%1); the credentials were not sent there</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::HttpPipeline</name>
    <message>
        <location filename="../src/net/HttpPipeline.cpp" line="51"/>
        <location filename="../src/net/HttpPipeline.cpp" line="100"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::KeychainWaitDialog</name>
    <message>
        <location filename="../ui/KeychainWaitDialog.cpp" line="18"/>
        <source>Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KeychainWaitDialog.cpp" line="20"/>
        <source>Waiting for the keychain… (an unlock prompt may be open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KeychainWaitDialog.cpp" line="25"/>
        <source>Waiting for the keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="114"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="117"/>
        <source>New tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="118"/>
        <source>New API client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="119"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="120"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="121"/>
        <source>Set secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="122"/>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="172"/>
        <location filename="../ui/MainWindow.cpp" line="264"/>
        <source>Keychain: checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="194"/>
        <source>1 tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="194"/>
        <source>%1 tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="196"/>
        <source>1 API client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="196"/>
        <source>%1 API clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="205"/>
        <source>Config: read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="207"/>
        <source>Config: 1 warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="208"/>
        <source>Config: %1 warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="210"/>
        <source>Config: OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="231"/>
        <source>Read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="267"/>
        <source>Keychain: waiting (an unlock prompt may be open)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="277"/>
        <source>Keychain: ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="278"/>
        <source>OS keychain usable (service “%1”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="283"/>
        <source>locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="284"/>
        <source>not answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="285"/>
        <source>unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="289"/>
        <source>Keychain: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="292"/>
        <source>Keychain %1: secrets cannot be stored or read until this is fixed. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="305"/>
        <source>%1 — zconsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="305"/>
        <source>zconsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="403"/>
        <source>Not quitting: the ZIA page shows the pending changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="415"/>
        <source>About zconsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="417"/>
        <source>&lt;b&gt;zconsole %1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="419"/>
        <source>Console and offline credential manager for Zscaler (ZPA, ZIA, ZIdentity) and Palo Alto SaaS Security tenants.

Secrets live only in the OS keychain (service “%1”).
Configuration: %2
Qt %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::MarshalledCredentials</name>
    <message>
        <location filename="../src/session/MarshalledCredentials.cpp" line="32"/>
        <source>the keychain is no longer available</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::MessageBar</name>
    <message>
        <location filename="../ui/MessageBar.cpp" line="31"/>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageBar.cpp" line="35"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageBar.cpp" line="36"/>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::QuitGuard</name>
    <message>
        <location filename="../ui/QuitGuard.cpp" line="19"/>
        <source>ZIA changes not activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QuitGuard.cpp" line="20"/>
        <source>Tenant %1 has ZIA changes that are not activated. Quit anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QuitGuard.cpp" line="21"/>
        <source>Tenants %1 have ZIA changes that are not activated. Quit anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QuitGuard.cpp" line="23"/>
        <source>Pending changes stay saved but not in effect until someone activates them (ZIA page, Activate…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QuitGuard.cpp" line="27"/>
        <source>A ZIA legacy API session left open ends by itself after its idle timeout, and ending the session ACTIVATES the pending changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QuitGuard.cpp" line="29"/>
        <source>Quit anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::SaasIncidentModel</name>
    <message>
        <location filename="../ui/tools/SaasIncidentModel.cpp" line="68"/>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentModel.cpp" line="69"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentModel.cpp" line="70"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentModel.cpp" line="71"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentModel.cpp" line="72"/>
        <source>App</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentModel.cpp" line="73"/>
        <source>Asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentModel.cpp" line="74"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentModel.cpp" line="75"/>
        <source>Exposure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentModel.cpp" line="76"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentModel.cpp" line="77"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::SaasIncidentsWidget</name>
    <message>
        <location filename="../ui/tools/SaasIncidentsWidget.cpp" line="25"/>
        <source>&amp;Load incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentsWidget.cpp" line="33"/>
        <source>(no saas-security API client)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentsWidget.cpp" line="37"/>
        <source>Incidents at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentsWidget.cpp" line="39"/>
        <source>Read the first page of incidents (GET /incident/api/incidents/delta)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentsWidget.cpp" line="44"/>
        <source>SaaS Security incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentsWidget.cpp" line="45"/>
        <source>Choose a saas-security API client and load its incidents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentsWidget.cpp" line="51"/>
        <source>API &amp;client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentsWidget.cpp" line="53"/>
        <source>&amp;At most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentsWidget.cpp" line="83"/>
        <source>Loading incidents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentsWidget.cpp" line="100"/>
        <source>“%1”: loading the incidents failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentsWidget.cpp" line="105"/>
        <source>“%1”: 1 incident loaded; the token works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/SaasIncidentsWidget.cpp" line="106"/>
        <source>“%1”: %2 incidents loaded; the token works.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::SaasSecurityApi</name>
    <message>
        <location filename="../src/api/SaasSecurityApi.cpp" line="59"/>
        <source>unknown API client %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/SaasSecurityApi.cpp" line="61"/>
        <source>%1 is a %2 client: incidents need a saas-security client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/SaasSecurityApi.cpp" line="63"/>
        <source>the limit must be 1 to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::SecretFieldsWidget</name>
    <message>
        <location filename="../ui/SecretFieldsWidget.cpp" line="64"/>
        <source>stored %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SecretFieldsWidget.cpp" line="66"/>
        <source>not stored yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SecretFieldsWidget.cpp" line="76"/>
        <source>(%1; paste a new key to replace it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SecretFieldsWidget.cpp" line="81"/>
        <source>Load from file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SecretFieldsWidget.cpp" line="96"/>
        <source>(%1; type to replace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SecretFieldsWidget.cpp" line="110"/>
        <source>Secrets are stored in the OS keychain; leave a field empty to keep the current value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SecretFieldsWidget.cpp" line="112"/>
        <source>Secrets are stored in the OS keychain, never in files. You can also set them later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SecretFieldsWidget.cpp" line="194"/>
        <source>Load private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SecretFieldsWidget.cpp" line="195"/>
        <source>PEM files (*.pem *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SecretFieldsWidget.cpp" line="201"/>
        <source>%1 is larger than 64 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SecretFieldsWidget.cpp" line="202"/>
        <source>Cannot read %1: %2</source>
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
    <name>zc::SegmentDeleteConfirm</name>
    <message>
        <location filename="../ui/segments/editor/SegmentDeleteConfirm.cpp" line="20"/>
        <source>Delete application segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentDeleteConfirm.cpp" line="22"/>
        <source>Delete the application segment “%1” (id %2) from tenant “%3”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentDeleteConfirm.cpp" line="23"/>
        <source>It is deleted with forceDelete: policy rules that refer to it lose that reference. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentDeleteConfirm.cpp" line="26"/>
        <source>Domains: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentDeleteConfirm.cpp" line="28"/>
        <source>Delete segment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::SegmentDetailPanel</name>
    <message>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="33"/>
        <source>Segment details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="54"/>
        <source>Select a segment to see all of its fields here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="60"/>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="63"/>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="66"/>
        <source>%1 (id %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="69"/>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="72"/>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="73"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="73"/>
        <source>enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="73"/>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="74"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="75"/>
        <source>Domains (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="76"/>
        <source>TCP ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="77"/>
        <source>UDP ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="78"/>
        <source>Segment group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="79"/>
        <source>Server groups (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="80"/>
        <source>Microtenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="81"/>
        <source>Bypass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="82"/>
        <source>Health reporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="83"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/SegmentDetailPanel.cpp" line="84"/>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::SegmentEditorDialog</name>
    <message>
        <location filename="../ui/segments/editor/SegmentChangeTables.cpp" line="43"/>
        <location filename="../ui/segments/editor/SegmentChangeTables.cpp" line="57"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentChangeTables.cpp" line="57"/>
        <source>Yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentChangeTables.cpp" line="57"/>
        <source>Theirs (on the server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentChangeTables.cpp" line="57"/>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="192"/>
        <source>When you opened it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="41"/>
        <source>New application segment — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="42"/>
        <source>Edit “%1” — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="66"/>
        <source>Choose a segment group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="67"/>
        <source>Never (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="68"/>
        <source>Always</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="69"/>
        <source>On the corporate network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="70"/>
        <source>On access (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="71"/>
        <source>Continuous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="72"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="73"/>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="173"/>
        <source>&amp;Create segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="73"/>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="175"/>
        <source>Save &amp;changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="74"/>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="319"/>
        <source>Shows what will change before anything is sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="128"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="129"/>
        <source>Read-only: this segment cannot be changed from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="158"/>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="174"/>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="195"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="189"/>
        <source>Server group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="284"/>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="293"/>
        <source>TCP ports: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="286"/>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="295"/>
        <source>UDP ports: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="297"/>
        <source>Domains: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="336"/>
        <source>&amp;Back to my edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="336"/>
        <source>&amp;Back to editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="343"/>
        <source>Keeps their changes and adds yours (no field was changed by both)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="344"/>
        <source>Not possible: some fields were changed on both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorDialog.cpp" line="401"/>
        <source>Waiting for the server&apos;s answer… Press Esc again to close anyway (the request may still complete; check the list or the audit log).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="58"/>
        <source>Checking the new segment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="59"/>
        <source>Reading the segment on the server to compare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="60"/>
        <source>Creating the segment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="60"/>
        <source>Saving and reading it back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="76"/>
        <source>Overwrite their changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="77"/>
        <source>Overwrite the changes made on the server to “%1” on tenant “%2”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="79"/>
        <source>Your values replace theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="80"/>
        <source>Your values replace theirs in: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="81"/>
        <source>Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="83"/>
        <source>Create segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="83"/>
        <source>Save segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="84"/>
        <source>Create “%1” on tenant “%2”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="85"/>
        <source>Save the changes to “%1” on tenant “%2”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="86"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="86"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="99"/>
        <source>Not saved: the tenant&apos;s name was not typed to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="100"/>
        <source>Not saved: the overwrite was not confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="117"/>
        <source>Nothing to save: the segment on the server already has these values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="130"/>
        <source>Saved, but not confirmed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="139"/>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="146"/>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="150"/>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="159"/>
        <source>“%1” will be created on tenant “%2” with these values:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="160"/>
        <source>These changes will be saved to “%1” on tenant “%2” (compared with the version on the server now):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="164"/>
        <source>Their changes are kept; yours are applied on top.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="167"/>
        <source>Your values overwrite theirs in: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="169"/>
        <source>This is a protected tenant: confirming asks for its name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="171"/>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="171"/>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="192"/>
        <source>On the server now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="172"/>
        <source>New value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="172"/>
        <source>After saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="174"/>
        <source>&amp;Overwrite…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="184"/>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="216"/>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="186"/>
        <source>“%1” was changed on the server since you opened it (modified %2 by %3). Nothing was saved; your input is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="196"/>
        <source>The segment changed on the server. No field was changed on both sides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="197"/>
        <source>The segment changed on the server; these fields were changed on both sides: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/editor/SegmentEditorFlow.cpp" line="213"/>
        <source>Loaded the version on the server (modified %1 by %2). Your changes were set aside; make them again if they are still needed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::SessionIndicators</name>
    <message>
        <location filename="../ui/SessionIndicators.cpp" line="69"/>
        <source>ZIA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SessionIndicators.cpp" line="71"/>
        <source> · READ-ONLY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SessionIndicators.cpp" line="80"/>
        <source>Tokens of the API clients, kept alive in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SessionIndicators.cpp" line="82"/>
        <source>%1 without a token yet (fetched when first needed, or with Test connection).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SessionIndicators.cpp" line="95"/>
        <source>ZIA: not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SessionIndicators.cpp" line="97"/>
        <source>ZIA: ACTIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SessionIndicators.cpp" line="108"/>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SessionIndicators.cpp" line="110"/>
        <source>%1 tenants %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SessionIndicators.cpp" line="113"/>
        <source>ZIA: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SessionIndicators.cpp" line="128"/>
        <source>zconsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SessionIndicators.cpp" line="128"/>
        <source>zconsole — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SessionIndicators.cpp" line="137"/>
        <source>ZIA activation completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SessionIndicators.cpp" line="139"/>
        <source>Tenant “%1”: activated; newer changes are PENDING again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SessionIndicators.cpp" line="140"/>
        <source>Tenant “%1” is %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::SetSecretDialog</name>
    <message>
        <location filename="../ui/SetSecretDialog.cpp" line="28"/>
        <source>Set secret of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SetSecretDialog.cpp" line="29"/>
        <source>%1 (%2). The values go straight into the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SetSecretDialog.cpp" line="31"/>
        <source>This API client no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SetSecretDialog.cpp" line="38"/>
        <source>Store in keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SetSecretDialog.cpp" line="93"/>
        <source>You stopped waiting for the keychain; the secret was NOT stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SetSecretDialog.cpp" line="94"/>
        <source>The secret was NOT stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::TablePage</name>
    <message>
        <location filename="../ui/TablePage.cpp" line="42"/>
        <source>Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TablePage.cpp" line="118"/>
        <source>No rows match the filter “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TablePage.cpp" line="130"/>
        <source>The configuration is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TablePage.cpp" line="138"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TablePage.cpp" line="140"/>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TablePage.cpp" line="143"/>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::TenantBanner</name>
    <message>
        <location filename="../ui/TenantBanner.cpp" line="18"/>
        <source>PROTECTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantBanner.cpp" line="25"/>
        <location filename="../ui/TenantBanner.cpp" line="46"/>
        <source>Active tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantBanner.cpp" line="36"/>
        <source>Production tenant: deleting it asks for its name to be typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantBanner.cpp" line="47"/>
        <source>The tenant you are working on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantBanner.cpp" line="48"/>
        <source>Acti&amp;ve tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantBanner.cpp" line="95"/>
        <source>(no tenants yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantBanner.cpp" line="95"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantBanner.cpp" line="99"/>
        <source>%1 (protected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantBanner.cpp" line="139"/>
        <source>No tenant yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantBanner.cpp" line="139"/>
        <source>No active tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantBanner.cpp" line="140"/>
        <source>Add one with New tenant (Ctrl+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantBanner.cpp" line="141"/>
        <source>Choose the tenant to work on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantBanner.cpp" line="151"/>
        <source>vanity %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantBanner.cpp" line="153"/>
        <source>ZPA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantBanner.cpp" line="155"/>
        <source>ZIA org %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantBanner.cpp" line="157"/>
        <source>1 API client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantBanner.cpp" line="157"/>
        <source>%1 API clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantBanner.cpp" line="159"/>
        <source>%1, protected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::TenantDialog</name>
    <message>
        <location filename="../ui/TenantDialog.cpp" line="23"/>
        <source>New tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.cpp" line="23"/>
        <source>Edit tenant “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.cpp" line="124"/>
        <source>A tenant named “%1” already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.cpp" line="142"/>
        <source>The configuration is read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.cpp" line="158"/>
        <source>Default (neutral)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.cpp" line="168"/>
        <source>Banner colour of the tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.cpp" line="188"/>
        <location filename="../ui/TenantDialog.cpp" line="191"/>
        <source>Remove protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.cpp" line="189"/>
        <source>Remove the protection of “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.cpp" line="190"/>
        <source>Deleting it will then no longer ask for its name to be typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantDialog.cpp" line="208"/>
        <source>Not saved: %1</source>
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
        <location filename="../src/models/TenantTableModel.cpp" line="114"/>
        <source>Production tenant: changes ask for the tenant&apos;s name to be typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="130"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="131"/>
        <source>Cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="132"/>
        <source>Vanity domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="133"/>
        <source>ZPA customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="134"/>
        <source>ZIA org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="135"/>
        <source>API clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="136"/>
        <source>Protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="137"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/TenantTableModel.cpp" line="138"/>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::TenantsPage</name>
    <message>
        <location filename="../ui/TenantsPage.cpp" line="36"/>
        <source>No tenants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.cpp" line="37"/>
        <source>No tenants yet.
Add one with “Add…” or New tenant (Ctrl+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.cpp" line="43"/>
        <source>Set as &amp;active tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.cpp" line="60"/>
        <source>Added tenant “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.cpp" line="75"/>
        <source>Saved tenant “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.cpp" line="96"/>
        <location filename="../ui/TenantsPage.cpp" line="108"/>
        <location filename="../ui/TenantsPage.cpp" line="125"/>
        <location filename="../ui/TenantsPage.cpp" line="130"/>
        <source>Delete tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.cpp" line="97"/>
        <source>Delete the tenant “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.cpp" line="99"/>
        <source>It has no API clients. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.cpp" line="101"/>
        <source>This also deletes its 1 API client (%1) and its secrets in the OS keychain. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.cpp" line="104"/>
        <source>This also deletes its %1 API clients (%2) and their secrets in the OS keychain. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.cpp" line="115"/>
        <source>Nothing deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.cpp" line="120"/>
        <source>Deleted tenant “%1” and its API client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.cpp" line="121"/>
        <source>Deleted tenant “%1” and %2 API clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.cpp" line="126"/>
        <source>The tenant “%1” was removed from the configuration, but some of its keychain entries could not be deleted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TenantsPage.cpp" line="130"/>
        <source>The tenant “%1” was not deleted: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::TokenBroker</name>
    <message>
        <location filename="../src/auth/TokenBroker.cpp" line="89"/>
        <source>the API client was removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/TokenBroker.cpp" line="119"/>
        <source>no such API client</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::TokenController</name>
    <message>
        <location filename="../src/session/TokenController.cpp" line="19"/>
        <source>Session ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/TokenController.cpp" line="25"/>
        <source>Ending a ZIA API session activates every pending change of the tenant, including other admins&apos; changes. Continue?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/TokenController.cpp" line="33"/>
        <source>Connection OK: token in %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/TokenController.cpp" line="35"/>
        <source>; %1 -&gt; %2 in %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/TokenController.cpp" line="37"/>
        <source>; no stated expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/TokenController.cpp" line="39"/>
        <source>; expires %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::TokenStatusSource</name>
    <message>
        <location filename="../src/core/TokenStatusSource.cpp" line="17"/>
        <source>static key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/TokenStatusSource.cpp" line="20"/>
        <source>no stated expiry (renewed in %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/TokenStatusSource.cpp" line="22"/>
        <source>%1 idle left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::TokenStyle</name>
    <message>
        <location filename="../ui/tokens/TokenStyle.cpp" line="67"/>
        <source>1 token valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokens/TokenStyle.cpp" line="67"/>
        <source>%1 tokens valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokens/TokenStyle.cpp" line="69"/>
        <source>%1 expiring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokens/TokenStyle.cpp" line="71"/>
        <source>%1 expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokens/TokenStyle.cpp" line="73"/>
        <source>1 error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokens/TokenStyle.cpp" line="73"/>
        <source>%1 errors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::TokenTracker</name>
    <message>
        <location filename="../src/session/TokenTracker.cpp" line="81"/>
        <source>1 token valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/TokenTracker.cpp" line="81"/>
        <source>%1 tokens valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/TokenTracker.cpp" line="83"/>
        <source>%1 expiring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/TokenTracker.cpp" line="85"/>
        <source>%1 expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/TokenTracker.cpp" line="87"/>
        <source>1 error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/session/TokenTracker.cpp" line="87"/>
        <source>%1 errors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ToolsPage</name>
    <message>
        <location filename="../ui/tools/ToolsPage.cpp" line="22"/>
        <location filename="../ui/tools/ToolsPage.cpp" line="23"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/ToolsPage.cpp" line="30"/>
        <source>&amp;AppTotal app lookup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tools/ToolsPage.cpp" line="31"/>
        <source>&amp;SaaS Security incidents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::TrayNotifier</name>
    <message>
        <location filename="../ui/TrayNotifier.cpp" line="18"/>
        <source>&amp;Show zconsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TrayNotifier.cpp" line="26"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TrayNotifier.cpp" line="28"/>
        <source>zconsole</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::TypedConfirmDialog</name>
    <message>
        <location filename="../ui/TypedConfirmDialog.cpp" line="42"/>
        <source>This is a protected tenant. Type its name, &lt;b&gt;%1&lt;/b&gt;, to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TypedConfirmDialog.cpp" line="49"/>
        <source>Tenant name to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TypedConfirmDialog.cpp" line="53"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::UrlCategoryWidget</name>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="36"/>
        <source>%1  ·  1 URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="37"/>
        <source>%1  ·  %2 URLs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="48"/>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="220"/>
        <source>URLs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="49"/>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="50"/>
        <source>A&amp;dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="51"/>
        <source>Re&amp;move selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="56"/>
        <source>Custom URL categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="58"/>
        <source>URLs of the category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="61"/>
        <source>URLs to add: example.com, .example.org (with subdomains)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="63"/>
        <source>URLs to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="68"/>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="267"/>
        <source>Add the URLs to the category (the tenant becomes PENDING until activated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="69"/>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="268"/>
        <source>Remove the selected URLs from the category (asks first; Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="70"/>
        <source>Read the custom URL categories again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="77"/>
        <source>Custom &amp;categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="194"/>
        <source>Could not read the URL categories: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="199"/>
        <source>The ZIA API is in read-only mode (a scheduled upgrade): the categories can be read, not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="208"/>
        <source>The tenant has no custom URL category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="225"/>
        <source>URLs of “%1” (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="236"/>
        <source>Separate several URLs with spaces or commas. A leading dot (.example.com) also matches the subdomains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="244"/>
        <source>1 URL ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="244"/>
        <source>%1 URLs ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="246"/>
        <source>%1 duplicate(s) dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="249"/>
        <source>not valid: “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="251"/>
        <source>%1 more invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="266"/>
        <source>The ZIA API is in read-only mode: changes are disabled until it ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="288"/>
        <source>Remove URLs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="289"/>
        <source>Remove “%1” from the URL category “%2”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="290"/>
        <source>Remove %1 URLs from the URL category “%2”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="291"/>
        <source>The change is saved at once and takes effect when the tenant&apos;s configuration is activated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="292"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="307"/>
        <source>Adding to the category: %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="308"/>
        <source>Removing from the category: %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="321"/>
        <source>Not changed: the ZIA API is in read-only mode (a scheduled upgrade). Try again when it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="323"/>
        <source>Not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="339"/>
        <source>Nothing changed: the category “%1” already is as asked (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="342"/>
        <source>Added %1 to “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="342"/>
        <source>Removed %1 from “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="343"/>
        <source>Tenant “%1” now has pending changes: nothing takes effect until someone activates them (Activate… above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="347"/>
        <source>1 entry was not sent: “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlCategoryWidget.cpp" line="349"/>
        <source>%1 entries were not sent (not valid).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::UrlLookup</name>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="92"/>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="94"/>
        <source>longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="101"/>
        <location filename="../src/core/UrlLookup.cpp" line="106"/>
        <source>unsupported scheme &quot;%1&quot; (only http and https)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="120"/>
        <source>contains a user name or password (user@host): remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="126"/>
        <source>unterminated [IPv6] address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="130"/>
        <source>invalid IPv6 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="135"/>
        <source>unexpected text after the IPv6 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="140"/>
        <source>an IPv6 address needs [brackets]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="150"/>
        <source>invalid port &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="158"/>
        <source>a wildcard (*.) cannot be looked up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="163"/>
        <source>starts with a dot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="170"/>
        <source>no host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="179"/>
        <source>not a valid international domain name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="183"/>
        <source>host name longer than 253 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="187"/>
        <source>invalid IPv4 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="192"/>
        <source>invalid host name &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="198"/>
        <source>contains whitespace or control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="207"/>
        <source>longer than 1,024 characters (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="286"/>
        <source>the URL lookup reply is not a JSON array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookup.cpp" line="302"/>
        <source>the URL lookup reply holds a non-object entry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::UrlLookupTableModel</name>
    <message>
        <location filename="../src/core/UrlLookupTableModel.cpp" line="55"/>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookupTableModel.cpp" line="56"/>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/UrlLookupTableModel.cpp" line="57"/>
        <source>Security alerts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::UrlLookupWidget</name>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="42"/>
        <source>&amp;Look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="43"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="51"/>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="56"/>
        <source>Paste URLs here, one per line.
https://, default ports and #fragments are removed; duplicates are dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="59"/>
        <source>URLs to look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="67"/>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="226"/>
        <source>Send the URLs to ZIA&apos;s URL lookup in batches of 100, one request per second (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="68"/>
        <source>Ctrl+Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="70"/>
        <source>Stop after the request that is running (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="77"/>
        <source>Save the results as a CSV file (the table&apos;s order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="82"/>
        <source>URL lookup results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="83"/>
        <source>Results appear here as the batches arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="89"/>
        <source>&amp;URLs to look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="109"/>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="173"/>
        <source>Each URL may have up to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="181"/>
        <source>1 URL to look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="181"/>
        <source>%1 URLs to look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="183"/>
        <source>1 duplicate dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="183"/>
        <source>%1 duplicates dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="185"/>
        <source>%1 not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="188"/>
        <source>Entry %1 “%2”: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="190"/>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="195"/>
        <source>1 request (up to 100 URLs each, one request per second).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="196"/>
        <source>%1 requests (up to 100 URLs each, one request per second).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="207"/>
        <source>1 request, about %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="208"/>
        <source>%1 requests, about %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="210"/>
        <source>(budget: %1 requests per hour; %2 used in the last hour).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="224"/>
        <source>Choose a tenant with a ZIA API client first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="234"/>
        <source>%1 URLs · %2 with security alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="235"/>
        <source>%1 URLs · no security alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="250"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="265"/>
        <source>%1 URLs in %2 requests, about %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="272"/>
        <source>Request %1 of %2 done · about %3 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="273"/>
        <source>All %1 requests done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="284"/>
        <source>Looked up %1 URLs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="287"/>
        <source>%1 results kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="315"/>
        <source>Export URL lookup results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="317"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="326"/>
        <source>Exported %1 rows to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/UrlLookupWidget.cpp" line="329"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ZiaApi</name>
    <message>
        <location filename="../src/api/ZiaApi.cpp" line="58"/>
        <source>unknown API client %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZiaApi.cpp" line="63"/>
        <source>%1 is a %2 client: ZIA needs a zia-legacy, zia-oauth or oneapi-* client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZiaApi.cpp" line="173"/>
        <source>the ZIA API of tenant &quot;%1&quot; is in read-only mode (a scheduled upgrade): changes are refused until it ends; reads still work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZiaApi.cpp" line="234"/>
        <source>the URL category list is not a JSON array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZiaApi.cpp" line="256"/>
        <source>the URL category is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZiaApi.cpp" line="297"/>
        <source>URL category %1 is predefined: only custom categories take URL edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZiaApi.cpp" line="349"/>
        <source>a URL lookup takes 1 to %1 URLs, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZiaApi.cpp" line="402"/>
        <source>only zia-legacy clients have a session to end</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ZiaBackend</name>
    <message>
        <location filename="../ui/zia/ZiaBackend.cpp" line="159"/>
        <source>another URL category change is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaBackend.cpp" line="174"/>
        <source>a URL lookup is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaBackend.cpp" line="175"/>
        <source>no URL to look up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ZiaPage</name>
    <message>
        <location filename="../ui/zia/ZiaPage.cpp" line="41"/>
        <location filename="../ui/zia/ZiaPage.cpp" line="42"/>
        <source>ZIA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaPage.cpp" line="56"/>
        <source>ZIA tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaPage.cpp" line="63"/>
        <source>No ZIA tenant yet.
A tenant appears here once it has an API client of kind zia-legacy, zia-oauth or oneapi-* (API Clients page).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaPage.cpp" line="68"/>
        <source>URL &amp;categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaPage.cpp" line="69"/>
        <source>URL &amp;lookup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaPage.cpp" line="148"/>
        <source>The ZIA API of tenant “%1” is in read-only mode (a scheduled upgrade): URL category changes and activation are disabled until the mode ends. zconsole checks again by itself; Refresh checks now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaPage.cpp" line="162"/>
        <source>1 ZIA tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaPage.cpp" line="162"/>
        <source>%1 ZIA tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaPage.cpp" line="166"/>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ZiaService</name>
    <message>
        <location filename="../ui/zia/ZiaService.cpp" line="118"/>
        <source>the background session worker is not running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ZiaStatusPanel</name>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="28"/>
        <source>READ-ONLY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="32"/>
        <source>End session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="33"/>
        <source>&amp;Activate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="34"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="38"/>
        <source>Stop &amp;waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="49"/>
        <source>Activation status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="53"/>
        <source>The ZIA API is in read-only mode (a scheduled upgrade): changes and activation are refused until it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="62"/>
        <source>API client for ZIA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="63"/>
        <source>(the tenant has no ZIA API client)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="67"/>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="253"/>
        <source>Put every pending change of the tenant into effect (asks first; cannot be undone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="68"/>
        <source>Read the activation status now (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="70"/>
        <source>End the ZIA API session of this client. This ACTIVATES pending changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="76"/>
        <source>Stop following the activation. An activation already sent goes on on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="87"/>
        <source>API &amp;client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="176"/>
        <source>No ZIA tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="176"/>
        <source>Choose a tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="180"/>
        <source>Add an API client of kind zia-legacy, zia-oauth or oneapi-* to a tenant (API Clients page) to see its ZIA activation status here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="182"/>
        <source>Select a tenant in the list to see and activate its ZIA configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="192"/>
        <source>UNKNOWN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="199"/>
        <source>Last status read failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="201"/>
        <source>Checked at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="203"/>
        <source>The background session worker is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="224"/>
        <source>ZIA API session: none open (one opens with the first request).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="226"/>
        <source>ZIA API session: idle timeout in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="229"/>
        <source>Pending changes are ACTIVATED when the session ends or idles out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="230"/>
        <source>Ending it (or letting it idle out) activates pending changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="246"/>
        <source>The ZIA API is in read-only mode (a scheduled upgrade): activation is disabled until the mode ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="249"/>
        <source>Nothing to activate: the tenant is ACTIVE (Refresh to check again).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="251"/>
        <source>An activation is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="267"/>
        <source>Reading the ZIA activation status of “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="278"/>
        <source>Activate ZIA configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="280"/>
        <source>Through the API client “%1”. At most 10 activations per minute and 40 per hour are sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="282"/>
        <source>Activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="287"/>
        <source>Nothing activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="297"/>
        <source>Sending the activation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="332"/>
        <source>Tenant “%1”: activation done, status %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="335"/>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="337"/>
        <source>Tenant “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="339"/>
        <source>Tenant “%1”: activation failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="351"/>
        <source>End ZIA session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="352"/>
        <source>End the ZIA API session of “%1” (tenant “%2”)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="355"/>
        <source>The tenant has pending changes right now: they will take effect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="356"/>
        <source>End session and activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="372"/>
        <source>Ending the session of “%1” failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStatusPanel.cpp" line="374"/>
        <source>The session of “%1” has ended; pending changes were activated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ZiaStyle</name>
    <message>
        <location filename="../ui/zia/ZiaStyle.cpp" line="24"/>
        <source>ACTIVE: nothing waits for activation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStyle.cpp" line="26"/>
        <source>PENDING: saved changes (any admin&apos;s) are not in effect until someone activates them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStyle.cpp" line="28"/>
        <source>INPROGRESS: an activation runs; it cannot be cancelled or undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaStyle.cpp" line="31"/>
        <source>Status not read yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ZiaTenantModel</name>
    <message>
        <location filename="../ui/zia/ZiaTenantModel.cpp" line="71"/>
        <source>%1 (protected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaTenantModel.cpp" line="76"/>
        <source>ACTIVATING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaTenantModel.cpp" line="84"/>
        <source>The ZIA API is in read-only mode (a scheduled upgrade).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaTenantModel.cpp" line="97"/>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaTenantModel.cpp" line="99"/>
        <source>read-only mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaTenantModel.cpp" line="102"/>
        <source>not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaTenantModel.cpp" line="118"/>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaTenantModel.cpp" line="119"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaTenantModel.cpp" line="120"/>
        <source>Polled with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/zia/ZiaTenantModel.cpp" line="121"/>
        <source>Last check</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ZiaUrlCategoryEditor</name>
    <message>
        <location filename="../src/api/ZiaUrlCategoryEditor.cpp" line="80"/>
        <source>another URL category change is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZiaUrlCategoryEditor.cpp" line="86"/>
        <source>no URL given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZiaUrlCategoryEditor.cpp" line="87"/>
        <source>no valid URL given (%1 refused: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZiaUrlCategoryEditor.cpp" line="109"/>
        <source>tenant &quot;%1&quot; has no custom URL category &quot;%2&quot; (give its id, e.g. CUSTOM_01, or its name)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ZiaUrlLookupRunner</name>
    <message>
        <location filename="../src/api/ZiaUrlLookupRunner.cpp" line="65"/>
        <source>URL lookup cancelled after %1 of %2 requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZiaUrlLookupRunner.cpp" line="87"/>
        <source>URL lookup request %1 of %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ZpaApi</name>
    <message>
        <location filename="../src/api/ZpaApi.cpp" line="62"/>
        <source>unknown API client %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaApi.cpp" line="64"/>
        <source>%1 is a %2 client: ZPA needs a zpa-legacy or oneapi-* client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaApi.cpp" line="67"/>
        <source>tenant &quot;%1&quot; has no ZPA customer id (set it with: zconsole-cli tenant edit &quot;%1&quot; --zpa-customer-id ID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaApi.cpp" line="230"/>
        <source>the reply has no segment id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaApi.cpp" line="231"/>
        <source>the reply is not a segment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaApi.cpp" line="249"/>
        <source>the server accepted the segment but its reply has no id; list the segments to find it before creating it again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ZpaSegmentEditor</name>
    <message>
        <location filename="../src/api/ZpaSegmentEditor.cpp" line="93"/>
        <source>tenant &quot;%1&quot; is protected: a change needs its name typed to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaSegmentEditor.cpp" line="96"/>
        <source>no segment id given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaSegmentEditor.cpp" line="153"/>
        <location filename="../src/api/ZpaSegmentEditor.cpp" line="181"/>
        <source>the segment is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaSegmentEditor.cpp" line="230"/>
        <source>segment %1 (&quot;%2&quot;) was changed on the server since it was read (modified %3 by %4): nothing was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaSegmentEditor.cpp" line="233"/>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaSegmentEditor.cpp" line="243"/>
        <source>the segment would not be valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaSegmentEditor.cpp" line="263"/>
        <source>the change was sent (204) but reading it back failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaSegmentEditor.cpp" line="276"/>
        <source>the server accepted the change (204) but the segment read back differs in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaSegmentEditor.cpp" line="309"/>
        <source>the server accepted the delete (204) but the segment can still be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ZpaSegmentLister</name>
    <message>
        <location filename="../src/api/ZpaSegmentLister.cpp" line="150"/>
        <source>page %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/api/ZpaSegmentLister.cpp" line="241"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zc::ZpaService</name>
    <message>
        <location filename="../ui/segments/ZpaService.cpp" line="71"/>
        <source>the background session worker is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/ZpaService.cpp" line="102"/>
        <source>Choose an API client that speaks ZPA (zpa-legacy, oneapi-secret or oneapi-jwt).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/ZpaService.cpp" line="105"/>
        <source>The API client is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/ZpaService.cpp" line="107"/>
        <source>API client “%1” does not speak ZPA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/ZpaService.cpp" line="110"/>
        <source>The tenant of API client “%1” is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/ZpaService.cpp" line="112"/>
        <source>Tenant “%1” has no ZPA customer id: set it on the Tenants page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/segments/ZpaService.cpp" line="114"/>
        <source>API client “%1” has no secret yet: set it on the API Clients page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
