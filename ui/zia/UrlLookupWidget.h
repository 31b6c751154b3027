#pragma once

#include "core/ApiError.h"
#include "core/UrlLookup.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace zc {

class AppServices;
class MessageBar;
class TableView;
class UrlLookupTableModel;
class UrlResultProxy;

// ZIA URL lookup: paste URLs (one per line), see at once what
// will be sent (normalised, duplicates dropped, invalid entries named with the reason) and how
// long it takes (batches of 100 at one request per second, the hourly budget of 400 requests:
// an ETA), then look them up with progress and cancel; the results table (URL, categories,
// security alerts in red) exports to CSV.
class UrlLookupWidget : public QWidget
{
    Q_OBJECT
public:
    explicit UrlLookupWidget(AppServices *services, QWidget *parent = nullptr);

    void setClient(const QString &tenantId, const QString &clientId);

    QPlainTextEdit *input() const { return m_input; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *exportButton() const { return m_export; }
    UrlLookupTableModel *results() const { return m_model; }
    TableView *resultView() const { return m_view; }
    QString checkText() const;
    QString etaText() const;
    QString progressText() const;
    bool isRunning() const { return m_running; }
    // Writes the results as shown (sorted) to `path`; false + *error on failure.
    bool exportCsv(const QString &path, QString *error = nullptr);

public slots:
    void start();
    void cancel();
    void exportWithDialog();

signals:
    void statusMessage(const QString &text);

private:
    void check();
    void onEstimated(const QString &clientId, int urls, qint64 etaMs, int used);
    void onStarted(int urls, int batches, qint64 etaMs);
    void onProgress(int done, int count, qint64 etaMs);
    void onFinished(const ApiError &error);
    void updateButtons();
    void updateCount();

    AppServices *m_services;
    QString m_tenantId;
    QString m_clientId;
    UrlLookupInput m_prepared;
    QPlainTextEdit *m_input;
    QLabel *m_check;
    QLabel *m_eta;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_progressText;
    MessageBar *m_result;
    UrlLookupTableModel *m_model;
    UrlResultProxy *m_proxy;
    TableView *m_view;
    QLabel *m_count;
    QPushButton *m_export;
    QTimer *m_checkTimer;
    bool m_running = false;
};

} // namespace zc
