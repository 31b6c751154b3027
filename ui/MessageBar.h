#pragma once

#include <QFrame>

class QLabel;
class QProgressBar;
class QToolButton;

namespace zc {

// A non-blocking message strip (like KMessageWidget): an icon, a text the person can select and
// copy, and a close button. Used for config warnings, read-only mode and keychain trouble, and
// (with setBusy) for work in progress such as a connection test.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Type { Info, Warning, Error, Success };

    explicit MessageBar(Type type, const QString &text, QWidget *parent = nullptr);

    Type type() const { return m_type; }
    QString text() const;
    void setText(const QString &text);
    void setClosable(bool closable);
    void setType(Type type);
    // An indeterminate progress indicator next to the text.
    void setBusy(bool busy);
    bool isBusy() const;

signals:
    void closed();

private:
    Type m_type;
    QLabel *m_icon;
    QLabel *m_text;
    QProgressBar *m_busy;
    QToolButton *m_close;
};

} // namespace zc
