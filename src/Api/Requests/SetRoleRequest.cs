using Governance.Contracts.Cooperatives;

namespace Governance.Api.Requests;

/// <summary>A member's new role.</summary>
/// <param name="Role">admin or member; required. The last admin cannot step down.</param>
public sealed record SetRoleRequest(MemberRole? Role);
