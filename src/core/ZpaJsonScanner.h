#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QString>

namespace zc {

// A validating JSON scanner over UTF-8 bytes that allocates nothing. It is how 100,000 ZPA
// segments are read fast and kept small: instead of building a QJsonDocument (about 7 KB of
// heap per segment in Qt 6.4), it checks the text once (grammar, escapes, UTF-8, nesting depth)
// and hands out spans of the original bytes. It accepts exactly what Qt 6.4's QJsonDocument
// accepts (a little more than RFC 8259: raw control characters in strings, numbers like "1."
// and ".5"), so a page is never refused here that Qt would read; tests check the two agree.
//
// Use: validate with document() (or value()), then walk validated containers with members() /
// elements(), and read strings with string() / utf8(). Walking a container that was not
// validated first is undefined.
class ZpaJsonScanner
{
public:
    enum class Type : quint8 { Invalid, Null, False, True, Number, String, Array, Object };
    struct Value
    {
        Type type = Type::Invalid;
        bool escaped = false; // String: contains backslash escapes
        qsizetype begin = 0;  // first byte (the quote of a string, '[' or '{')
        qsizetype end = 0;    // one past the last byte
        bool isValid() const { return type != Type::Invalid; }
        bool isString() const { return type == Type::String; }
        bool isNumber() const { return type == Type::Number; }
        bool isObject() const { return type == Type::Object; }
        bool isArray() const { return type == Type::Array; }
        bool isBool() const { return type == Type::True || type == Type::False; }
        bool isNull() const { return type == Type::Null; }
    };

    static constexpr int MaxDepth = 256;

    explicit ZpaJsonScanner(QByteArrayView text)
        : m_text(text)
    {
    }

    // The whole text as one value with only whitespace around it; Invalid on any error.
    Value document();
    // One value starting at `pos` (leading whitespace skipped); `pos` ends after it.
    Value value(qsizetype &pos, int depth = 0);

    QString errorString() const { return m_error; }
    qsizetype errorOffset() const { return m_errorAt; }

    // Validate an array at `pos` in one pass: f(qsizetype &pos, int depth) is called for each
    // element and must read it itself (value(pos, depth), validateObject(pos, …, depth), …),
    // returning false on failure. Leading whitespace is skipped; `pos` ends after the array.
    template<typename F>
    Value validateArray(qsizetype &pos, F &&f, int depth = 0)
    {
        pos = skipWs(pos);
        if (pos >= m_text.size() || m_text.at(pos) != '[') {
            fail(pos, QObject::tr("expected '['"));
            return {};
        }
        Value arr{Type::Array, false, pos, 0};
        pos = skipWs(pos + 1);
        if (pos < m_text.size() && m_text.at(pos) == ']') {
            arr.end = ++pos;
            return arr;
        }
        while (true) {
            if (!f(pos, depth + 1))
                return {};
            pos = skipWs(pos);
            const char next = pos < m_text.size() ? m_text.at(pos++) : '\0';
            if (next == ']') {
                arr.end = pos;
                return arr;
            }
            if (next != ',') {
                fail(pos - 1, QObject::tr("expected ',' or ']'"));
                return {};
            }
        }
    }
    // Likewise for an object: f(const Value &key, qsizetype &pos, int depth) per member must
    // read the member's value at `pos` itself (value(pos, depth) or validateArray(pos, …, depth))
    // and return false on failure.
    template<typename F>
    Value validateObject(qsizetype &pos, F &&f, int depth = 0)
    {
        pos = skipWs(pos);
        if (pos >= m_text.size() || m_text.at(pos) != '{') {
            fail(pos, QObject::tr("expected '{'"));
            return {};
        }
        Value obj{Type::Object, false, pos, 0};
        pos = skipWs(pos + 1);
        if (pos < m_text.size() && m_text.at(pos) == '}') {
            obj.end = ++pos;
            return obj;
        }
        while (true) {
            pos = skipWs(pos);
            if (pos >= m_text.size() || m_text.at(pos) != '"') {
                fail(pos, QObject::tr("expected a member name"));
                return {};
            }
            const Value key = scanString(pos);
            if (!key.isValid())
                return {};
            pos = skipWs(pos);
            if (pos >= m_text.size() || m_text.at(pos) != ':') {
                fail(pos, QObject::tr("expected ':'"));
                return {};
            }
            ++pos;
            if (!f(key, pos, depth + 1)) // f validates the value itself (value() or validateArray())
                return {};
            pos = skipWs(pos);
            const char next = pos < m_text.size() ? m_text.at(pos++) : '\0';
            if (next == '}') {
                obj.end = pos;
                return obj;
            }
            if (next != ',') {
                fail(pos - 1, QObject::tr("expected ',' or '}'"));
                return {};
            }
        }
    }
    // Skips whitespace; true when `pos` reached the end of the text.
    bool atEnd(qsizetype &pos) const
    {
        pos = skipWs(pos);
        return pos >= m_text.size();
    }
    bool fail(qsizetype at, const QString &why);

    // Walk a validated object: f(const Value &key, const Value &value) for each member, in
    // order; return false from f to stop. Likewise elements() with f(const Value &element).
    template<typename F>
    void members(const Value &object, F &&f) const
    {
        qsizetype pos = object.begin + 1;
        while (true) {
            pos = skipWs(pos);
            if (pos >= object.end || m_text.at(pos) == '}')
                return;
            const Value key = quick(pos);
            pos = skipWs(pos) + 1; // ':'
            const Value val = quick(pos);
            if (!f(key, val))
                return;
            pos = skipWs(pos);
            if (pos < object.end && m_text.at(pos) == ',')
                ++pos;
        }
    }
    template<typename F>
    void elements(const Value &array, F &&f) const
    {
        qsizetype pos = array.begin + 1;
        while (true) {
            pos = skipWs(pos);
            if (pos >= array.end || m_text.at(pos) == ']')
                return;
            const Value val = quick(pos);
            if (!f(val))
                return;
            pos = skipWs(pos);
            if (pos < array.end && m_text.at(pos) == ',')
                ++pos;
        }
    }

    QByteArrayView text() const { return m_text; }
    QByteArrayView text(const Value &v) const { return m_text.sliced(v.begin, v.end - v.begin); }
    // String content without quotes, unescaped, as UTF-8. For an unescaped string this is a
    // view into the text (no copy); `scratch` holds decoded bytes otherwise.
    QByteArrayView utf8(const Value &v, QByteArray *scratch) const;
    QString string(const Value &v) const;
    // True when a string value equals `ascii` exactly (no escapes involved).
    bool stringEquals(const Value &v, QByteArrayView ascii) const
    {
        return v.isString() && !v.escaped && v.end - v.begin == ascii.size() + 2
               && m_text.sliced(v.begin + 1, ascii.size()) == ascii;
    }

private:
    qsizetype skipWs(qsizetype pos) const
    {
        while (pos < m_text.size()) {
            const char c = m_text.at(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                break;
            ++pos;
        }
        return pos;
    }
    Value quick(qsizetype &pos) const; // type and span of validated text, no checks
    static int hexDigit(char c);       // -1 when not a hex digit
public:
    Value scanString(qsizetype &pos); // pos at the opening quote
private:
    Value scanNumber(qsizetype &pos);

    QByteArrayView m_text;
    QString m_error;
    qsizetype m_errorAt = -1;
};

} // namespace zc
