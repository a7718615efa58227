namespace Governance.Silo.Dashboard;

/// <summary>
/// The Orleans Dashboard (section "Dashboard"). It is off by default; when on, it is served at <see cref="Path"/> on
/// the silo's HTTP port and asks for HTTP Basic credentials, which must be configured.
/// </summary>
public sealed class DashboardAccessOptions
{
    public const string Section = "Dashboard";

    public const string Path = "/dashboard";

    public bool Enabled { get; set; }

    public string Username { get; set; } = "";

    public string Password { get; set; } = "";
}
