#include "SecretClipboard.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QTimer>

namespace zc {

namespace {
QByteArray fingerprintOf(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}
} // namespace

SecretClipboard *SecretClipboard::instance()
{
    static SecretClipboard *one = [] {
        auto *c = new SecretClipboard(QCoreApplication::instance());
        QObject::connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, c, &SecretClipboard::clearNow);
        return c;
    }();
    return one;
}

SecretClipboard::SecretClipboard(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SecretClipboard::clearNow);
}

void SecretClipboard::copy(const QString &secret, int clearAfterMs)
{
    QClipboard *cb = QGuiApplication::clipboard();
    cb->setText(secret, QClipboard::Clipboard);
    if (cb->supportsSelection() && cb->text(QClipboard::Selection) == secret)
        cb->clear(QClipboard::Selection);
    m_fingerprint = fingerprintOf(secret);
    m_holding = true;
    m_timer->start(clearAfterMs < 0 ? m_defaultMs : clearAfterMs);
}

int SecretClipboard::remainingMs() const { return m_holding ? m_timer->remainingTime() : 0; }

void SecretClipboard::clearNow()
{
    m_timer->stop();
    if (!m_holding)
        return;
    m_holding = false;
    QClipboard *cb = QGuiApplication::clipboard();
    if (fingerprintOf(cb->text(QClipboard::Clipboard)) == m_fingerprint)
        cb->clear(QClipboard::Clipboard);
    m_fingerprint.clear();
    emit cleared();
}

} // namespace zc
