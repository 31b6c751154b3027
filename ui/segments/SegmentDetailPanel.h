#pragma once

#include <QTextBrowser>

namespace zc {

class AppSegment;

// Every field of one application segment (name, id, state, description, domains, TCP and UDP
// ports, segment group, server groups, microtenant, bypass and health reporting, created and
// modified time and by whom), as selectable text in a read-only browser. Empty: a hint.
class SegmentDetailPanel : public QTextBrowser
{
    Q_OBJECT
public:
    explicit SegmentDetailPanel(QWidget *parent = nullptr);

    // Null: nothing selected.
    void setSegment(const AppSegment *segment);
    QString segmentId() const { return m_id; }

    static QString timeText(const QString &epochSecs);

private:
    QString m_id;
};

} // namespace zc
