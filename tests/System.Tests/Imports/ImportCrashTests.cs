using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Governance.TestServices;
using static Governance.System.Tests.Hosting.Requests;

namespace Governance.System.Tests.Imports;

/// <summary>
/// The real API on SQLite, killed with SIGKILL while a file of members uploads, then sent the same file again: every
/// batch is one append, so the crash leaves whole batches only, and the second run adds exactly the rest.
/// </summary>
public sealed class ImportCrashTests : IDisposable
{
    private const int UniqueMembers = 40_000;
    private const int BatchSize = 1_000;

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["MemberImport__BatchSize"] = BatchSize.ToString(global::System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimit__Burst"] = "100000",
    };

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("governance-import-").FullName;

    [Fact]
    public async Task An_import_killed_midway_and_sent_again_adds_each_valid_id_exactly_once()
    {
        // Valid and new first, so every batch before the crash is a full batch of joins; then repeats and bad lines.
        var file = new List<string> { "id,name" };
        file.AddRange(Enumerable.Range(0, UniqueMembers).Select(i => $"m{i:D6},\"Member, {i}\""));
        file.AddRange(Enumerable.Range(0, 50).Select(i => $"m{i * 7:D6},Again"));
        file.AddRange(["bad id,Bad", ",Nobody", "admin,The founder"]);
        string token;
        long addedBeforeCrash;
        await using (var api = await ApiProcess.StartAsync(_dataDirectory, Settings))
        {
            token = await ApiProcess.IssueTokenAsync(_dataDirectory, "admin");
            var admin = api.ClientWith(token, TimeSpan.FromMinutes(5));
            await Send(admin, HttpMethod.Post, "/v1/cooperatives", new { id = "big", name = "Big" });

            var upload = SlowUploadAsync(admin, file);
            addedBeforeCrash = await WaitForAddedAsync(admin, atLeast: 5 * BatchSize);
            await api.KillAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => upload);
        }

        await using (var api = await ApiProcess.StartAsync(_dataDirectory, Settings))
        {
            var admin = api.ClientWith(token, TimeSpan.FromMinutes(5));
            var survived = (await admin.GetFromJsonAsync<JsonElement>(new Uri("/v1/cooperatives/big", UriKind.Relative))).GetProperty("memberCount").GetInt32() - 1;
            Assert.True(survived >= addedBeforeCrash, $"{addedBeforeCrash} joins were reported before the crash, {survived} survived it.");
            Assert.True(survived % BatchSize == 0 && survived < UniqueMembers, $"{survived} joins survived: not whole batches of {BatchSize}.");

            using var content = new StringContent(string.Join('\n', file), Encoding.UTF8, "text/csv");
            using var response = await admin.PostAsync(new Uri("/v1/cooperatives/big/members/import?importId=again", UriKind.Relative), content);
            var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == HttpStatusCode.OK, outcome.ToString());
            Assert.Equal(
                ("completed", UniqueMembers + 53L, UniqueMembers - (long)survived, survived + 1L, 52L),
                (outcome.GetProperty("state").GetString(), outcome.GetProperty("lines").GetInt64(), outcome.GetProperty("added").GetInt64(),
                 outcome.GetProperty("existing").GetInt64(), outcome.GetProperty("refused").GetInt64()));

            var members = await ReadMemberIdsAsync(admin);
            Assert.Equal(members.Count, members.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(
                Enumerable.Range(0, UniqueMembers).Select(i => $"m{i:D6}").Append("admin").Order(StringComparer.Ordinal),
                members.Order(StringComparer.Ordinal));
        }
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    /// <summary>
    /// Sends the file in pieces with pauses, so the server is still reading it when the test kills it. When the request
    /// ends, its body is no longer read, so writing stops: a full pipe would otherwise wait for a reader forever.
    /// </summary>
    private static async Task SlowUploadAsync(HttpClient http, List<string> file)
    {
        var pipe = new Pipe();
        using var content = new StreamContent(pipe.Reader.AsStream());
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var writing = WriteSlowlyAsync(pipe.Writer, file);
        try
        {
            using var response = await http.PostAsync(new Uri("/v1/cooperatives/big/members/import?importId=first", UriKind.Relative), content);
        }
        finally
        {
            await pipe.Reader.CompleteAsync();
            await writing;
        }
    }

    private static async Task WriteSlowlyAsync(PipeWriter writer, List<string> file)
    {
        try
        {
            foreach (var piece in file.Chunk(200))
            {
                var written = await writer.WriteAsync(Encoding.UTF8.GetBytes(string.Join('\n', piece) + "\n"));
                if (written.IsCompleted)
                {
                    return;
                }

                await Task.Delay(10);
            }
        }
        finally
        {
            await writer.CompleteAsync();
        }
    }

    private static async Task<long> WaitForAddedAsync(HttpClient http, long atLeast)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            using var response = await http.GetAsync(new Uri("/v1/cooperatives/big/member-imports/first", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var record = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("running", record.GetProperty("state").GetString());
                if (record.GetProperty("added").GetInt64() is var added && added >= atLeast)
                {
                    return added;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The import never reported {atLeast} members added.");
    }

    private static async Task<List<string>> ReadMemberIdsAsync(HttpClient http)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var query = cursor is null ? "limit=200" : $"limit=200&cursor={Uri.EscapeDataString(cursor)}";
            var page = await http.GetFromJsonAsync<JsonElement>(new Uri($"/v1/cooperatives/big/members?{query}", UriKind.Relative));
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(member => member.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return ids;
    }
}
