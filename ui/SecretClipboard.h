#pragma once

#include <QObject>
#include <QString>

class QTimer;

namespace zc {

// Puts a secret on the clipboard for a short while: after `ms` (30 s by default), and when the
// application quits, the clipboard is cleared — unless something else was copied meanwhile (then
// it is left alone). One per application (instance()); the last copy wins.
class SecretClipboard : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultClearMs = 30'000;

    static SecretClipboard *instance();

    // Copies `secret`; it is cleared after `clearAfterMs` (< 0: the default, 30 s unless a test set another).
    void copy(const QString &secret, int clearAfterMs = -1);
    void setDefaultClearMs(int ms) { m_defaultMs = ms; }
    // Clears the clipboard now if it still holds the copied secret.
    void clearNow();
    bool isHolding() const { return m_holding; }
    int remainingMs() const;

signals:
    void cleared();

private:
    explicit SecretClipboard(QObject *parent = nullptr);
    QTimer *m_timer;
    QByteArray m_fingerprint; // a hash of what was copied, not the secret itself
    bool m_holding = false;
    int m_defaultMs = DefaultClearMs;
};

} // namespace zc
