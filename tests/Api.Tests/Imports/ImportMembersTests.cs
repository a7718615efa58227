using System.Net.Http.Headers;
using System.Text;
using Governance.Api.Tests.Feed;
using Governance.Contracts.Members;
using Microsoft.Extensions.DependencyInjection;
using static Governance.Api.Tests.Infrastructure.ImportRoutes;

namespace Governance.Api.Tests.Imports;

[Collection(ApiCollection.Name)]
public sealed class ImportMembersTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string[] OutcomeFields =
        ["id", "state", "lines", "added", "existing", "refused", "refusals", "startedBy", "startedAt", "updatedAt", "failure"];

    [Fact]
    public async Task A_csv_file_adds_its_members_with_quoted_names_and_answers_200_with_the_outcome_and_its_location()
    {
        var cooperative = await Api.CreateCooperative();
        const string File = "id,name\r\nann,\"Lee, Ann\"\r\nben,\"Ben \"\"Benny\"\" Ray\"\r\ncat,\r\ndan,\"Dan\nSecond line\"\r\neve\r\n";

        var response = await Api.SendRaw(HttpMethod.Post, Import(cooperative, "first-file"), File, Csv);

        var outcome = await Expect.Ok(response);
        Expect.Fields(outcome, OutcomeFields);
        Assert.Equal(("first-file", "completed", RightfulCaller.DefaultFounder), (outcome.GetProperty("id").GetString(), outcome.GetProperty("state").GetString(), outcome.GetProperty("startedBy").GetString()));
        Assert.Equal((5L, 5L, 0L, 0L), Counts(outcome));
        Assert.Empty(Refusals(outcome));
        Assert.Equal(JsonValueKind.Null, outcome.GetProperty("failure").ValueKind);
        Assert.Equal(Record(cooperative, "first-file"), response.Headers.Location?.OriginalString);
        Assert.Equal(outcome.GetRawText(), (await Api.GetJson(Record(cooperative, "first-file"))).GetRawText());
        Assert.Equal(
            [(RightfulCaller.DefaultFounder, null), ("ann", "Lee, Ann"), ("ben", "Ben \"Benny\" Ray"), ("cat", null), ("dan", "Dan\nSecond line"), ("eve", null)],
            await Roster(cooperative));
    }

    [Fact]
    public async Task An_ndjson_file_adds_its_members_and_without_an_import_id_one_is_generated()
    {
        var cooperative = await Api.CreateCooperative();
        const string File = """
            {"id":"ann","name":"Ann Lee"}
            {"id":"ben"}

            {"id":"cat","name":null}
            """;

        var response = await Api.SendRaw(HttpMethod.Post, Import(cooperative), File, Ndjson);

        var outcome = await Expect.Ok(response);
        var id = outcome.GetProperty("id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(Record(cooperative, id), response.Headers.Location?.OriginalString);
        Assert.Equal((3L, 3L, 0L, 0L), Counts(outcome));
        Assert.Equal([(RightfulCaller.DefaultFounder, null), ("ann", "Ann Lee"), ("ben", null), ("cat", null)], await Roster(cooperative));
        Assert.Equal(4, (await Api.GetJson(Routes.Cooperative(cooperative))).GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task The_same_file_sent_again_adds_nobody_and_counts_every_member_as_existing()
    {
        var cooperative = await Api.CreateCooperative();
        await Api.AddMembers(cooperative, "ben");
        var file = string.Join('\n', Enumerable.Range(0, 30).Select(i => $$"""{"id":"m{{i}}"}""").Append("""{"id":"ben","name":"Ben"}""").Append("""{"id":"m3"}"""));

        var first = await Expect.Ok(await Api.SendRaw(HttpMethod.Post, Import(cooperative), file, Ndjson));
        var roster = await Roster(cooperative);
        var again = await Expect.Ok(await Api.SendRaw(HttpMethod.Post, Import(cooperative), file, Ndjson));

        Assert.Equal((32L, 30L, 1L, 1L), Counts(first));
        Assert.Equal((32L, 0L, 31L, 1L), Counts(again));
        Assert.Equal([(32L, "duplicate-id")], Refusals(first));
        Assert.Equal(Refusals(first), Refusals(again));
        Assert.Equal(roster, await Roster(cooperative));
        Assert.Equal(32, (await Api.GetJson(Routes.Cooperative(cooperative))).GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task A_file_larger_than_other_bodies_may_be_crosses_several_batches()
    {
        var cooperative = await Api.CreateCooperative();
        var file = string.Join('\n', Enumerable.Range(0, 4_500).Select(i => $$"""{"id":"member-{{i:D5}}","name":"Member {{i}}"}"""));
        Assert.True(file.Length > 64 * 1024);

        var outcome = await Expect.Ok(await Api.SendRaw(HttpMethod.Post, Import(cooperative), file, Ndjson));

        Assert.Equal((4_500L, 4_500L, 0L, 0L), Counts(outcome));
        Assert.Equal(4_501, (await Api.GetJson(Routes.Cooperative(cooperative))).GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task Bad_ndjson_lines_are_refused_with_their_line_numbers_and_the_good_ones_all_join()
    {
        var cooperative = await Api.CreateCooperative();
        await Api.AddMembers(cooperative, "old");
        string[] lines =
        [
            """{"id":"ann"}""",
            "not json",
            """{"id":"bad id"}""",
            """{"name":"Nobody"}""",
            """{"id":"ben","name":"   "}""",
            "",
            """{"id":"cat"}""",
            """{"id":42}""",
            """{"id":"dan","role":"admin"}""",
            """["eve"]""",
            """{"id":"ann","name":"Again"}""",
            """{"id":"old"}""",
            """{"id":"","name":"Empty"}""",
            """{"id":"fay","id":"gus"}""",
            $$"""{"id":"hal","name":"{{new string('h', 201)}}"}""",
            """{"id":"ivy","name":"Ivy"}""",
            "null",
        ];

        var outcome = await Expect.Ok(await Api.SendRaw(HttpMethod.Post, Import(cooperative), string.Join('\n', lines), Ndjson));

        Assert.Equal((16L, 3L, 1L, 12L), Counts(outcome));
        Assert.Equal(
            [(2, "invalid-json"), (3, "invalid-id"), (4, "missing-id"), (5, "invalid-name"), (8, "invalid-json"), (9, "invalid-json"),
             (10, "invalid-json"), (11, "duplicate-id"), (13, "missing-id"), (14, "invalid-json"), (15, "invalid-name"), (17, "invalid-json")],
            Refusals(outcome));
        Assert.All(outcome.GetProperty("refusals").EnumerateArray(), refusal =>
        {
            Expect.Fields(refusal, "line", "code", "message");
            Assert.False(string.IsNullOrWhiteSpace(refusal.GetProperty("message").GetString()));
        });
        Assert.Equal(
            [RightfulCaller.DefaultFounder, "old", "ann", "cat", "ivy"],
            (await Roster(cooperative)).Select(member => member.Id));
    }

    [Fact]
    public async Task Bad_csv_records_are_refused_by_the_line_they_start_on()
    {
        var cooperative = await Api.CreateCooperative();
        string[] lines =
        [
            "name,ID",
            "Ann,ann",
            "Ben,ben,extra",
            "Cat \"the\" Cook,cat",
            "\"Dan\"x,dan",
            "\"Eve",
            "Two lines\",eve",
            "",
            ",",
            "Fay,fay smith",
            "Gus,gus",
            "\"Never closed,hal",
        ];

        var outcome = await Expect.Ok(await Api.SendRaw(HttpMethod.Post, Import(cooperative), string.Join("\r\n", lines), Csv));

        Assert.Equal((9L, 3L, 0L, 6L), Counts(outcome));
        Assert.Equal([(3, "invalid-csv"), (4, "invalid-csv"), (5, "invalid-csv"), (9, "missing-id"), (10, "invalid-id"), (12, "invalid-csv")], Refusals(outcome));
        Assert.Equal([(RightfulCaller.DefaultFounder, null), ("ann", "Ann"), ("eve", "Eve\nTwo lines"), ("gus", "Gus")], await Roster(cooperative));
    }

    [Fact]
    public async Task A_line_too_long_or_not_utf8_is_unreadable_and_the_next_line_is_read()
    {
        var cooperative = await Api.CreateCooperative();
        var body = new MemoryStream();
        body.Write(Encoding.UTF8.GetBytes($$"""{"id":"ann","name":"{{new string('a', 10_000)}}"}""" + "\n"));
        body.Write([(byte)'{', 0xC3, 0x28, (byte)'}', (byte)'\n']);
        body.Write(Encoding.UTF8.GetBytes("""{"id":"ben"}"""));
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(Ndjson);

        var outcome = await Expect.Ok(await Api.Send(HttpMethod.Post, Import(cooperative), content));

        Assert.Equal((3L, 1L, 0L, 2L), Counts(outcome));
        Assert.Equal([(1, "unreadable-line"), (2, "unreadable-line")], Refusals(outcome));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("text/csv; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task Any_other_media_type_is_a_415_and_adds_nobody(string? mediaType)
    {
        var cooperative = await Api.CreateCooperative();
        var before = await Api.Observe(Routes.Members(cooperative));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("id\nann\n"));
        if (mediaType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        }

        var response = await Api.Send(HttpMethod.Post, Import(cooperative, "refused"), content);

        var problem = await Expect.Problem(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal("Send the file as text/csv or application/x-ndjson, in UTF-8.", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await Api.Observe(Routes.Members(cooperative)));
        await Expect.Problem(await Api.Get(Record(cooperative, "refused")), HttpStatusCode.NotFound, "import-not-found");
    }

    [Fact]
    public async Task The_media_type_may_name_utf8_as_its_charset()
    {
        var cooperative = await Api.CreateCooperative();

        var outcome = await Expect.Ok(await Api.SendRaw(HttpMethod.Post, Import(cooperative), "id\nann\n", "text/csv"));

        Assert.Equal((1L, 1L, 0L, 0L), Counts(outcome));
    }

    [Fact]
    public async Task A_csv_header_without_an_id_column_is_a_400_and_adds_nobody()
    {
        var cooperative = await Api.CreateCooperative();
        var before = await Api.Observe(Routes.Members(cooperative));

        var response = await Api.SendRaw(HttpMethod.Post, Import(cooperative, "no-header"), "ann,Ann\nben,Ben\n", Csv);

        await Expect.Problem(response, HttpStatusCode.BadRequest, "invalid-csv-header", "body");
        Assert.Equal(before, await Api.Observe(Routes.Members(cooperative)));
        var record = await Api.GetJson(Record(cooperative, "no-header"));
        Assert.Equal(("failed", "invalid-csv-header"), (record.GetProperty("state").GetString(), record.GetProperty("failure").GetString()));
    }

    [Fact]
    public async Task An_invalid_import_id_is_a_400_and_an_unknown_one_a_404()
    {
        var cooperative = await Api.CreateCooperative();

        await Expect.Problem(await Api.SendRaw(HttpMethod.Post, Import(cooperative, "no good"), "id\nann\n", Csv), HttpStatusCode.BadRequest, "invalid-id", "importId");
        await Expect.Problem(await Api.Get(Record(cooperative, "never")), HttpStatusCode.NotFound, "import-not-found");
        Assert.Equal(1, (await Api.GetJson(Routes.Cooperative(cooperative))).GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task Importing_into_an_unknown_cooperative_is_a_404()
    {
        var response = await Api.SendRaw(HttpMethod.Post, Import(Ids.New("nowhere")), "id\nann\n", Csv);

        await Expect.Problem(response, HttpStatusCode.NotFound, "cooperative-not-found");
    }

    [Fact]
    public async Task Imported_members_reach_the_feed_as_member_joined_events()
    {
        var cooperative = await Api.CreateCooperative();

        await Expect.Ok(await Api.SendRaw(HttpMethod.Post, Import(cooperative), "id,name\nann,Ann\nben,\n", Csv));

        var joined = (await FeedReading.WaitForCount(Api, cooperative, 3))
            .Where(item => item.GetProperty("type").GetString()!.EndsWith("member.joined", StringComparison.Ordinal))
            .Select(item => (item.GetProperty("subject").GetString(), item.GetProperty("data").GetProperty("name").GetString(), item.GetProperty("data").GetProperty("by").GetString()))
            .ToList();
        Assert.Equal([(RightfulCaller.DefaultFounder, null, RightfulCaller.DefaultFounder), ("ann", "Ann", RightfulCaller.DefaultFounder), ("ben", null, RightfulCaller.DefaultFounder)], joined);
    }

    [Fact]
    public async Task Imported_members_have_the_cooperative_in_their_own_list_of_memberships()
    {
        var cooperative = await Api.CreateCooperative();
        var person = Ids.New("person");

        await Expect.Ok(await Api.SendRaw(HttpMethod.Post, Import(cooperative), $"id,name\n{person},Pat\n", Csv));

        // The import replies before its people hear of it; they do within moments.
        var grain = Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IMemberGrain>(person);
        var profile = await grain.Get();
        for (var attempt = 0; attempt < 200 && profile.Cooperatives.Count == 0; attempt++)
        {
            await Task.Delay(50);
            profile = await grain.Get();
        }

        Assert.Equal([cooperative], profile.Cooperatives);
    }

    [Fact]
    public async Task While_a_file_is_uploading_its_import_shows_progress_and_a_second_run_of_the_same_id_is_a_409()
    {
        var cooperative = await Api.CreateCooperative();
        var body = new GatedBody();
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(Csv);
        var upload = Api.Send(HttpMethod.Post, Import(cooperative, "slow"), content);
        await body.Write("id\nann\nben\nbad id\n");

        var progress = await WaitForLines(cooperative, "slow", 3);
        Assert.Equal("running", progress.GetProperty("state").GetString());
        Assert.Equal((3L, 0L, 0L, 0L), Counts(progress));
        await Expect.Problem(await Api.SendRaw(HttpMethod.Post, Import(cooperative, "slow"), "id\ncat\n", Csv), HttpStatusCode.Conflict, "import-running");

        await body.Write("cat\n");
        body.End();
        var outcome = await Expect.Ok(await upload);
        Assert.Equal((4L, 3L, 0L, 1L), Counts(outcome));
        Assert.Equal([(4L, "invalid-id")], Refusals(outcome));
        Assert.Equal("completed", (await Api.GetJson(Record(cooperative, "slow"))).GetProperty("state").GetString());
    }

    private async Task<JsonElement> WaitForLines(string cooperative, string importId, long lines)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var response = await Api.Get(Record(cooperative, importId));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var record = await Expect.Ok(response);
                if (record.GetProperty("lines").GetInt64() >= lines)
                {
                    return record;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Import {importId} never showed {lines} lines read.");
    }

    private async Task<List<(string Id, string? Name)>> Roster(string cooperative) =>
        [.. (await Api.ReadAllPages(Routes.Members(cooperative), 200)).Items.Select(member => (member.GetProperty("id").GetString()!, member.GetProperty("name").GetString()))];

    /// <summary>A request body the test writes piece by piece, so the server reads it while it is still arriving.</summary>
    private sealed class GatedBody : Stream
    {
        private readonly System.Threading.Channels.Channel<byte[]> _chunks = System.Threading.Channels.Channel.CreateUnbounded<byte[]>();
        private byte[] _current = [];
        private int _offset;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public async Task Write(string text) => await _chunks.Writer.WriteAsync(Encoding.UTF8.GetBytes(text));

        public void End() => _chunks.Writer.Complete();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (_offset == _current.Length)
            {
                if (!await _chunks.Reader.WaitToReadAsync(cancellationToken))
                {
                    return 0;
                }

                _current = await _chunks.Reader.ReadAsync(cancellationToken);
                _offset = 0;
            }

            var count = Math.Min(buffer.Length, _current.Length - _offset);
            _current.AsMemory(_offset, count).CopyTo(buffer);
            _offset += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
