// The simulator's private CA and its server certificate (EC P-256, SAN IP:127.0.0.1 +
// DNS:localhost, EKU serverAuth), kept in the state folder and reused while valid.
#pragma once

#include <QByteArray>
#include <QString>

namespace zsim {

struct TlsMaterial {
    QByteArray caPem;
    QByteArray certPem;
    QByteArray keyPem;    // PKCS#8 PEM of the server key
    QString caPath;       // <dir>/ca.pem
    bool reused = false;  // true when loaded from the folder (no new CA)

    // Loads ca.pem / ca-key.pem / server.pem / server-key.pem from dir when they are valid for at
    // least another day; otherwise creates what is missing (a new server certificate under the
    // existing CA when only the server part is unusable). Key files get mode 0600.
    static bool loadOrCreate(const QString &dir, TlsMaterial *out, QString *error);
};

} // namespace zsim
