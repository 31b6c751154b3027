#include "SecretInput.h"

#include <QObject>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace zc::cli {

namespace {
constexpr qsizetype MaxSecret = 64 * 1024;

class EchoOff
{
public:
    EchoOff()
    {
        m_active = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &m_saved) == 0;
        if (m_active) {
            termios t = m_saved;
            t.c_lflag &= ~tcflag_t(ECHO);
            t.c_lflag |= ECHONL;
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &t);
        }
    }
    ~EchoOff()
    {
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};
} // namespace

bool readSecretFromStdin(const QString &prompt, bool wholeInput, QByteArray *out, QString *error)
{
    out->clear();
    const bool tty = isatty(STDIN_FILENO);
    if (tty) {
        fprintf(stderr, "%s", prompt.toLocal8Bit().constData());
        if (wholeInput)
            fprintf(stderr, "\n(paste the PEM, then press Ctrl-D on an empty line)\n");
        fflush(stderr);
    }
    EchoOff echoOff;
    char buf[4096];
    bool tooLarge = false;
    for (;;) {
        if (!wholeInput) {
            if (!fgets(buf, sizeof buf, stdin))
                break;
            out->append(buf);
            if (out->endsWith('\n'))
                break;
        } else {
            const size_t n = fread(buf, 1, sizeof buf, stdin);
            if (n == 0)
                break;
            out->append(buf, qsizetype(n));
        }
        if (out->size() > MaxSecret) {
            tooLarge = true;
            break;
        }
    }
    std::fill(std::begin(buf), std::end(buf), char(0));
    if (tooLarge) {
        std::fill(out->begin(), out->end(), char(0));
        out->clear();
        *error = QObject::tr("the secret on standard input is larger than 64 KB");
        return false;
    }
    if (!wholeInput) {
        while (out->endsWith('\n') || out->endsWith('\r'))
            out->chop(1);
    } else {
        // Keep the PEM as given, minus surrounding blank lines.
        while (out->endsWith('\n') || out->endsWith('\r') || out->endsWith(' '))
            out->chop(1);
        out->append('\n');
        while (out->startsWith('\n') || out->startsWith('\r'))
            out->remove(0, 1);
        if (out->trimmed().isEmpty())
            out->clear();
    }
    if (out->isEmpty()) {
        *error = tty ? QObject::tr("nothing was typed")
                     : QObject::tr("standard input was empty; pipe the secret in, e.g. "
                                   "`secret-tool lookup … | zconsole-cli client set-secret NAME`");
        return false;
    }
    return true;
}

} // namespace zc::cli
