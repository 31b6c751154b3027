#pragma once

#include <QByteArray>

namespace zc {

// Whether `pem` holds at least one PEM certificate ("-----BEGIN CERTIFICATE-----" … "-----END
// CERTIFICATE-----") whose body decodes to the DER shape of an X.509 certificate: a SEQUENCE of
// tbsCertificate (a SEQUENCE starting with the version or the serial), signatureAlgorithm (a
// SEQUENCE) and signatureValue (a BIT STRING), every length within its parent. QtCore only: the
// full parse is net/'s when the file is used (HttpClient). tests/unit/tst_pemcertificate
// compares it with QSslCertificate::fromData.
bool holdsPemCertificate(const QByteArray &pem);

} // namespace zc
