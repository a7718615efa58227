namespace Governance.Api.Tests.Security;

/// <summary>The people and the app key an authorization matrix sends its requests as.</summary>
public interface IMatrixCooperative
{
    string Admin { get; }

    string Plain { get; }

    string Other { get; }

    string Outsider { get; }

    string OutsiderCooperative { get; }

    string Key { get; }
}

/// <summary>
/// A fresh cooperative with an admin founder, a plain member and another member, an app key issued by the admin with
/// the read scope, and an outsider who founded a second cooperative but is not a member of this one.
/// </summary>
public sealed record MatrixCooperative(
    string Id,
    string Admin,
    string Plain,
    string Other,
    string Outsider,
    string OutsiderCooperative,
    string KeyId,
    string Key) : IMatrixCooperative
{
    private static readonly string[] ReadScope = ["read"];

    public static async Task<MatrixCooperative> Create(GovernanceClient api, string[]? topics = null)
    {
        string admin = Ids.New("admin"), plain = Ids.New("plain"), other = Ids.New("other"), outsider = Ids.New("outsider");
        var id = await api.CreateCooperative(members: [admin, plain, other], topics: topics);
        var outsiderCooperative = await api.CreateCooperative(members: [outsider]);
        var issued = await Expect.Status(
            await api.As(admin).Post(Routes.Keys(id), new { name = "Dashboard", scopes = ReadScope }),
            HttpStatusCode.Created);
        return new MatrixCooperative(
            id, admin, plain, other, outsider, outsiderCooperative, issued.GetProperty("id").GetString()!, issued.GetProperty("key").GetString()!);
    }
}
