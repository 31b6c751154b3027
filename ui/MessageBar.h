#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace zc {

// A non-blocking message strip (like KMessageWidget): an icon, a text the person can select and
// copy, and a close button. Used for config warnings, read-only mode and keychain trouble.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Type { Info, Warning, Error };

    explicit MessageBar(Type type, const QString &text, QWidget *parent = nullptr);

    Type type() const { return m_type; }
    QString text() const;
    void setText(const QString &text);
    void setClosable(bool closable);

signals:
    void closed();

private:
    Type m_type;
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
};

} // namespace zc
