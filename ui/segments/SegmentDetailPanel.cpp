#include "SegmentDetailPanel.h"

#include "core/AppSegment.h"
#include "models/AppSegmentTableModel.h"

#include <QDateTime>

namespace zc {

namespace {
QString esc(const QString &s) { return s.toHtmlEscaped(); }

QString row(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><td style='padding:2px 10px 2px 0; color:#6b7280; white-space:nowrap' "
                          "valign='top'>%1</td><td style='padding:2px 0'>%2</td></tr>")
        .arg(esc(label), valueHtml.isEmpty() ? QStringLiteral("—") : valueHtml);
}

QString lines(const QStringList &items)
{
    QStringList out;
    for (const QString &i : items)
        out << esc(i);
    return out.join(QStringLiteral("<br>"));
}
} // namespace

SegmentDetailPanel::SegmentDetailPanel(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("segmentDetail"));
    setAccessibleName(tr("Segment details"));
    setOpenLinks(false);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFrameShape(QFrame::StyledPanel);
    setSegment(nullptr);
}

QString SegmentDetailPanel::timeText(const QString &epochSecs)
{
    bool ok = false;
    const qint64 secs = epochSecs.toLongLong(&ok);
    if (!ok || secs <= 0)
        return epochSecs;
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

void SegmentDetailPanel::setSegment(const AppSegment *s)
{
    if (!s) {
        m_id.clear();
        setHtml(QStringLiteral("<p style='color:#6b7280'>%1</p>")
                    .arg(esc(tr("Select a segment to see all of its fields here."))));
        return;
    }
    m_id = s->id();
    QStringList groups;
    for (const ZpaRef &g : s->serverGroups())
        groups << (g.name.isEmpty() ? g.id : tr("%1 (id %2)").arg(g.name, g.id));
    const QString segGroup = s->segmentGroupName().isEmpty() && s->segmentGroupId().isEmpty()
                                 ? QString()
                                 : tr("%1 (id %2)").arg(s->segmentGroupName(), s->segmentGroupId());
    const QString micro = s->microtenantId().isEmpty() || s->microtenantId() == QLatin1String("0")
                              ? s->microtenantDisplay()
                              : tr("%1 (id %2)").arg(s->microtenantDisplay(), s->microtenantId());
    QString modified = timeText(s->modifiedTime());
    if (!s->modifiedBy().isEmpty())
        modified += QLatin1Char(' ') + tr("by %1").arg(s->modifiedBy());

    QString html = QStringLiteral("<h3 style='margin:0 0 6px 0'>%1</h3><table cellspacing='0'>").arg(esc(s->name()));
    html += row(tr("Id"), esc(s->id()));
    html += row(tr("State"), s->enabled() ? esc(tr("enabled")) : QStringLiteral("<b>%1</b>").arg(esc(tr("disabled"))));
    html += row(tr("Description"), esc(s->description()));
    html += row(tr("Domains (%1)").arg(s->domainCount()), lines(s->domainNames()));
    html += row(tr("TCP ports"), esc(AppSegmentTableModel::portsText(s->tcpPorts())));
    html += row(tr("UDP ports"), esc(AppSegmentTableModel::portsText(s->udpPorts())));
    html += row(tr("Segment group"), esc(segGroup));
    html += row(tr("Server groups (%1)").arg(groups.size()), lines(groups));
    html += row(tr("Microtenant"), esc(micro));
    html += row(tr("Bypass"), esc(s->bypassType()));
    html += row(tr("Health reporting"), esc(s->healthReporting()));
    html += row(tr("Created"), esc(timeText(s->creationTime())));
    html += row(tr("Modified"), esc(modified));
    html += QStringLiteral("</table>");
    setHtml(html);
}

} // namespace zc
