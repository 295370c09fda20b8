using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Gateway.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gateway.Pages.Admin;

/// <summary>
/// First-run setup: while no admin exists, a browser on this machine (a direct loopback connection, never one that
/// came through a proxy) chooses the admin password; it is stored hashed in the data folder and the browser is
/// signed in. Anyone else, and everyone once an admin exists, gets 404.
/// </summary>
internal sealed class SetupModel(AdminCredentials credentials) : PageModel
{
    /// <summary>Shortest password accepted.</summary>
    public const int MinLength = 10;

    /// <summary>The admin user name.</summary>
    public string UserName => credentials.UserName;

    /// <summary>Where the hash will be stored.</summary>
    public string FilePath => credentials.FilePath;

    /// <summary>The new password.</summary>
    [BindProperty]
    [Required]
    [MinLength(MinLength)]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    /// <summary>The new password again.</summary>
    [BindProperty]
    [Required]
    [Compare(nameof(Password), ErrorMessage = "The passwords differ.")]
    [DataType(DataType.Password)]
    public string Confirm { get; set; } = "";

    /// <summary>Shows the form.</summary>
    public IActionResult OnGet() => Allowed() ? Page() : NotFound();

    /// <summary>Stores the password hash and signs the admin in.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!Allowed())
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!credentials.TryCreate(Password))
        {
            return NotFound();
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, credentials.UserName), new Claim(ClaimTypes.Role, "admin")], AdminAuthentication.Scheme);
        await HttpContext.SignInAsync(AdminAuthentication.Scheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        return LocalRedirect("/admin");
    }

    private bool Allowed() => !credentials.Exists && DirectLoopback.Is(HttpContext);
}
