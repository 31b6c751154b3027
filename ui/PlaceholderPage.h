#pragma once

#include <QWidget>

class QLabel;

namespace zc {

// A page that is not built yet, and says so plainly (no fake controls).
class PlaceholderPage : public QWidget
{
    Q_OBJECT
public:
    PlaceholderPage(const QString &iconName, const QString &title, const QString &text,
                    QWidget *parent = nullptr);

    QString text() const;

private:
    QLabel *m_text;
};

} // namespace zc
