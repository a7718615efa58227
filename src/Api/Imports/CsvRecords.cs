using System.Runtime.CompilerServices;
using System.Text;
using Governance.Contracts.Errors;
using Governance.Domain.Cooperatives.Imports;

namespace Governance.Api.Imports;

/// <summary>
/// CSV as RFC 4180 writes it: a header naming the columns id and, optionally, name (in either order, any case); a
/// field may be quoted, with "" for a quote inside, and a quoted field may hold commas and line breaks, so a record
/// can span lines (its number is that of its first line). Fields are taken as written; an empty name is no name.
/// Blank lines are skipped. A header that names other columns refuses the whole file (400) before anything is added.
/// </summary>
public static class CsvRecords
{
    public static async IAsyncEnumerable<ImportRecord> ReadAsync(IAsyncEnumerable<BodyLine> lines, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (int Id, int Name)? columns = null;
        var record = new StringBuilder();
        long start = 0;
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            if (record.Length == 0)
            {
                if (line.Text is not null && string.IsNullOrWhiteSpace(line.Text))
                {
                    continue;
                }

                start = line.Number;
            }
            else
            {
                record.Append('\n');
            }

            record.Append(line.Text);
            if (line.Text is not null && OpenQuote(record) && record.Length <= BodyLines.MaxLineBytes)
            {
                continue;
            }

            var text = record.ToString();
            record.Clear();
            if (line.Text is null || OpenQuote(text))
            {
                yield return ImportRecord.Unreadable(start);
            }
            else if (columns is null)
            {
                columns = Header(text);
            }
            else
            {
                yield return ToRecord(start, text, columns.Value);
            }
        }

        if (record.Length > 0)
        {
            yield return Invalid(start, "A quoted field is not closed before the end of the file.");
        }
    }

    private static (int Id, int Name) Header(string text)
    {
        var names = Fields(text)?.Select(name => name.Trim().ToLowerInvariant()).ToList();
        var id = names?.IndexOf("id") ?? -1;
        var name = names?.IndexOf("name") ?? -1;
        if (names is null || id < 0 || names.Count != (name < 0 ? 1 : 2))
        {
            throw new GovernanceException(
                ErrorKind.Invalid, "invalid-csv-header", "The first line of a CSV import must be the header: id, or id,name.", "body");
        }

        return (id, name);
    }

    private static ImportRecord ToRecord(long number, string text, (int Id, int Name) columns)
    {
        var fields = Fields(text);
        if (fields is null)
        {
            return Invalid(number, "A quote stands inside a field that is not quoted, or after a quoted field's end.");
        }

        var width = columns.Name < 0 ? 1 : 2;
        if (fields.Count > width)
        {
            return Invalid(number, $"The record has {fields.Count} fields; the header names {width}.");
        }

        string? Field(int column) => column >= 0 && column < fields.Count && fields[column].Length > 0 ? fields[column] : null;
        return ImportRecord.Of(new ImportLine(number, Field(columns.Id), Field(columns.Name)));
    }

    private static ImportRecord Invalid(long number, string message) => ImportRecord.Refused(number, ImportRefusalCodes.InvalidCsv, message);

    /// <summary>Whether the text ends inside a quoted field: quotes, doubled ones included, come in pairs otherwise.</summary>
    private static bool OpenQuote(StringBuilder text)
    {
        var quotes = 0;
        foreach (var chunk in text.GetChunks())
        {
            quotes += chunk.Span.Count('"');
        }

        return quotes % 2 == 1;
    }

    private static bool OpenQuote(string text) => text.AsSpan().Count('"') % 2 == 1;

    /// <summary>The record's fields, or null when a quote is out of place.</summary>
    private static List<string>? Fields(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var position = 0;
        while (true)
        {
            field.Clear();
            if (position < text.Length && text[position] == '"')
            {
                position++;
                while (true)
                {
                    var quote = text.IndexOf('"', position);
                    if (quote < 0)
                    {
                        return null;
                    }

                    field.Append(text, position, quote - position);
                    position = quote + 1;
                    if (position < text.Length && text[position] == '"')
                    {
                        field.Append('"');
                        position++;
                        continue;
                    }

                    break;
                }

                if (position < text.Length && text[position] != ',')
                {
                    return null;
                }
            }
            else
            {
                var comma = text.IndexOf(',', position);
                var end = comma < 0 ? text.Length : comma;
                if (text.AsSpan(position, end - position).Contains('"'))
                {
                    return null;
                }

                field.Append(text, position, end - position);
                position = end;
            }

            fields.Add(field.ToString());
            if (position >= text.Length)
            {
                return fields;
            }

            position++;
        }
    }
}
