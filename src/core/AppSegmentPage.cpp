#include "core/AppSegmentPage.h"

#include "core/AppSegmentReader.h"
#include "core/ZpaInternPool.h"
#include "core/ZpaJsonScanner.h"
#include "core/ZpaPage.h"

#include <QJsonValue>
#include <QObject>

namespace zc {

using Sc = ZpaJsonScanner;

namespace {

// A total as the envelope sent it, as a QJsonValue for ZpaPage::readTotal.
QJsonValue totalValue(const Sc &sc, const Sc::Value &v)
{
    switch (v.type) {
    case Sc::Type::String: return sc.string(v);
    case Sc::Type::Number: {
        bool ok = false;
        const qint64 n = sc.text(v).toByteArray().toLongLong(&ok);
        return ok ? QJsonValue(n) : QJsonValue(sc.text(v).toByteArray().toDouble());
    }
    case Sc::Type::True:
    case Sc::Type::False: return v.type == Sc::Type::True;
    case Sc::Type::Null: return QJsonValue(QJsonValue::Null);
    case Sc::Type::Array: return QJsonValue(QJsonValue::Array);
    case Sc::Type::Object: return QJsonValue(QJsonValue::Object);
    default: return QJsonValue(QJsonValue::Undefined);
    }
}

QString typeName(const Sc::Value &v)
{
    switch (v.type) {
    case Sc::Type::String: return QObject::tr("a string");
    case Sc::Type::Number: return QObject::tr("a number");
    case Sc::Type::True:
    case Sc::Type::False: return QObject::tr("a boolean");
    case Sc::Type::Null: return QObject::tr("null");
    case Sc::Type::Array: return QObject::tr("an array");
    case Sc::Type::Object: return QObject::tr("an object");
    default: return QObject::tr("missing");
    }
}

} // namespace

AppSegmentPage AppSegmentPage::parse(QByteArrayView body, ZpaInternPool *pool, qint64 maxPages)
{
    AppSegmentPage out;
    Sc sc(body);
    qsizetype pos = body.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    if (sc.atEnd(pos)) {
        out.error = QObject::tr("the reply is empty");
        return out;
    }

    // One pass: the body is validated while the rows are read; a failure anywhere (a cut or
    // damaged reply) drops everything read so far.
    AppSegmentReader reader(pool);
    int extraProblems = 0;
    auto note = [&](const QString &m) {
        if (out.problems.size() < MaxProblems)
            out.problems.append(m);
        else
            ++extraProblems;
    };
    QStringList rowProblems;
    int index = 0;
    // Reads one element of the list at `p`: an object is validated member by member straight
    // into the reader, so each row is walked once.
    auto onRow = [&](qsizetype &p, int depth) {
        ++index;
        qsizetype q = p;
        if (sc.atEnd(q) || body.at(q) != '{') {
            const Sc::Value e = sc.value(p, depth);
            if (!e.isValid())
                return false;
            ++out.skippedRows;
            note(QObject::tr("row %1 is %2, not an object; skipped").arg(index).arg(typeName(e)));
            return true;
        }
        auto &members = reader.members();
        members.clear();
        const Sc::Value obj = sc.validateObject(
            p,
            [&](const Sc::Value &key, qsizetype &vp, int vdepth) {
                const Sc::Value v = sc.value(vp, vdepth);
                members.append({key, v});
                return v.isValid();
            },
            depth);
        if (!obj.isValid())
            return false;
        rowProblems.clear();
        AppSegment s = reader.readMembers(sc, &rowProblems);
        if (s.idUtf8().isEmpty()) {
            ++out.skippedRows;
            note(QObject::tr("row %1 (\"%2\") has no id; skipped").arg(index).arg(s.name().left(80)));
            return true;
        }
        for (const QString &m : std::as_const(rowProblems))
            note(QObject::tr("segment %1: %2").arg(s.id(), m));
        out.rows.append(std::move(s));
        return true;
    };

    Sc::Value root, list, pages, count, errId, errReason;
    const char first = body.at(pos);
    if (first == '[') {
        root = list = sc.validateArray(pos, onRow);
        out.bareArray = true;
    } else if (first == '{') {
        root = sc.validateObject(pos, [&](const Sc::Value &key, qsizetype &p, int depth) {
            if (sc.stringEquals(key, "list")) {
                qsizetype q = p;
                if (!sc.atEnd(q) && body.at(q) == '[')
                    list = sc.validateArray(p, onRow, depth);
                else
                    list = sc.value(p, depth);
                return list.isValid();
            }
            const Sc::Value v = sc.value(p, depth);
            if (sc.stringEquals(key, "totalPages"))
                pages = v;
            else if (sc.stringEquals(key, "totalCount"))
                count = v;
            else if (sc.stringEquals(key, "id"))
                errId = v;
            else if (sc.stringEquals(key, "reason"))
                errReason = v;
            return v.isValid();
        });
    } else {
        root = sc.value(pos);
    }
    if (root.isValid() && !sc.atEnd(pos)) {
        sc.fail(pos, QObject::tr("text after the end of the JSON value"));
        root = Sc::Value();
    }
    if (!root.isValid()) {
        out.rows.clear();
        out.skippedRows = 0;
        out.problems.clear();
        out.error = QObject::tr("the reply is not complete JSON (%1 at byte %2 of %3)")
                        .arg(sc.errorString())
                        .arg(sc.errorOffset())
                        .arg(body.size());
        return out;
    }
    if (!root.isArray() && !root.isObject()) {
        out.error = QObject::tr("the reply is %1, not a list page").arg(typeName(root));
        return out;
    }
    if (root.isObject()) {
        if (!list.isValid() && errId.isValid() && errReason.isValid()) {
            out.error = QObject::tr("the server answered an error instead of a page: %1 (%2)")
                            .arg(sc.string(errReason).left(200), sc.string(errId).left(80));
            return out;
        }
        if (list.isValid() && !list.isArray() && !list.isNull()) {
            out.error = QObject::tr("\"list\" is %1, not an array").arg(typeName(list));
            return out;
        }
        out.totalPages = ZpaPage::readTotal(QStringLiteral("totalPages"), totalValue(sc, pages), maxPages, &out.problems);
        out.totalCount = ZpaPage::readTotal(QStringLiteral("totalCount"), totalValue(sc, count),
                                            ZpaPage::MaxPlausibleCount, &out.problems);
        if (!list.isArray() && out.totalCount > 0)
            out.problems.append(
                QObject::tr("the page has no \"list\" although totalCount is %1").arg(out.totalCount));
    }
    out.ok = true;
    if (out.totalCount >= 0 && index > out.totalCount)
        out.problems.append(QObject::tr("the page holds %1 rows but totalCount is only %2").arg(index).arg(out.totalCount));
    if (extraProblems > 0)
        out.problems.append(QObject::tr("… and %n more problem(s)", nullptr, extraProblems));
    return out;
}

} // namespace zc
