using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Gateway.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Gateway.Pages.Admin;

/// <summary>Admin sign-in (cookie) and sign-out.</summary>
public sealed class SignInModel(IOptionsMonitor<AdminOptions> options, TimeProvider time) : PageModel
{
    /// <summary>Whether a password is configured at all.</summary>
    public bool HasPassword => options.CurrentValue.HasPassword;

    /// <summary>The admin user name.</summary>
    public string UserName => options.CurrentValue.UserName;

    /// <summary>The password typed in.</summary>
    [BindProperty]
    [Required]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    /// <summary>Where to go after signing in (local paths only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the password and sets the admin cookie.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var admin = options.CurrentValue;
        if (!admin.HasPassword)
        {
            return Forbid(AdminAuthentication.Scheme);
        }

        if (!ModelState.IsValid || !AdminPasswordHash.Verify(Password, admin.PasswordHash))
        {
            // A fixed pause makes guessing slow without locking the real admin out.
            await Task.Delay(TimeSpan.FromMilliseconds(400), time, HttpContext.RequestAborted).ConfigureAwait(false);
            ModelState.AddModelError(nameof(Password), "Wrong password.");
            return Page();
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, admin.UserName), new Claim(ClaimTypes.Role, "admin")], AdminAuthentication.Scheme);
        await HttpContext.SignInAsync(AdminAuthentication.Scheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
    }

    /// <summary>Clears the admin cookie.</summary>
    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(AdminAuthentication.Scheme).ConfigureAwait(false);
        return LocalRedirect("/admin/signin");
    }
}
