using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Governance.Api.Audit;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785) of a JSON value: object members sorted by their names' UTF-16 code
/// units, no whitespace, strings with only the escapes JSON requires, and numbers as ECMAScript writes a double.
/// Any tool that implements the RFC gets the same bytes, which is what makes a digest over them checkable elsewhere.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The canonical UTF-8 bytes of <paramref name="value"/>, leaving out the top-level members named in <paramref name="omitted"/>.</summary>
    public static byte[] Utf8(JsonElement value, params string[] omitted)
    {
        var text = new StringBuilder();
        Write(text, value, omitted);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Write(StringBuilder text, JsonElement value, string[] omitted)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var member in value.EnumerateObject()
                    .Where(member => !omitted.Contains(member.Name, StringComparer.Ordinal))
                    .OrderBy(member => member.Name, StringComparer.Ordinal))
                {
                    text.Append(first ? "" : ",");
                    first = false;
                    WriteString(text, member.Name);
                    text.Append(':');
                    Write(text, member.Value, []);
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    text.Append(index++ == 0 ? "" : ",");
                    Write(text, item, []);
                }

                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(text, value.GetString()!);
                break;
            case JsonValueKind.Number:
                text.Append(Number(value.GetDouble()));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Null:
                text.Append("null");
                break;
            default:
                throw new ArgumentException($"A {value.ValueKind} is not a JSON value.", nameof(value));
        }
    }

    /// <summary>Quotes, backslashes and control characters are escaped; everything else stands as itself.</summary>
    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var character in value)
        {
            text.Append(character switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)character:x4}",
                _ => character.ToString(),
            });
        }

        text.Append('"');
    }

    /// <summary>
    /// ECMAScript's Number::toString of a double: its shortest round-trip digits, plain from 1e-6 up to below 1e21 and
    /// in exponent form (1e+21, 1.5e-7) outside that range; integers carry no fraction.
    /// </summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("JSON has no NaN or infinity.", nameof(value));
        }

        if (value == 0)
        {
            return "0";
        }

        if (value < 0)
        {
            return "-" + Number(-value);
        }

        // .NET writes the shortest digits that round-trip, as "123.45", "1E-07" or "1.5E+21".
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOf('E', StringComparison.Ordinal);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var allDigits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var digits = allDigits.TrimStart('0');

        // The value is 0.digits × 10^pointAfter: the decimal point falls after the first pointAfter digits.
        var pointAfter = (point < 0 ? mantissa.Length : point) + exponent - (allDigits.Length - digits.Length);
        digits = digits.TrimEnd('0');
        var count = digits.Length;
        if (count <= pointAfter && pointAfter <= 21)
        {
            return digits + new string('0', pointAfter - count);
        }

        if (pointAfter is > 0 and <= 21)
        {
            return $"{digits[..pointAfter]}.{digits[pointAfter..]}";
        }

        if (pointAfter is > -6 and <= 0)
        {
            return $"0.{new string('0', -pointAfter)}{digits}";
        }

        var power = pointAfter - 1;
        var written = $"e{(power < 0 ? '-' : '+')}{Math.Abs(power)}";
        return count == 1 ? digits + written : $"{digits[..1]}.{digits[1..]}{written}";
    }
}
