// Attachments travel as Base64 in the message JSON (the API has no separate upload). Downloads need
// the bearer token, so they are fetched and shown from a blob URL, never from a link with the token.
import { session } from '../api.js';
import { h } from '../dom.js';

export function readAttachments(fileList) {
  return Promise.all([...fileList].map((file) => new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ name: file.name, contentType: file.type || 'application/octet-stream',
      data: String(reader.result).replace(/^data:[^,]*,/, '') });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  })));
}

async function blobUrl(conversationId, attachment) {
  const { token, tenant } = session.get();
  const response = await fetch(`/api/v1/tenants/${encodeURIComponent(tenant)}/conversations/${conversationId}/attachments/${attachment.id}`,
    { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return URL.createObjectURL(await response.blob());
}

export function attachmentLink(conversationId, attachment) {
  const size = attachment.size >= 1024 * 1024 ? `${(attachment.size / 1048576).toFixed(1)} MB` : `${Math.ceil(attachment.size / 1024)} KB`;
  const link = h('a', { href: '#', class: 'attachment', download: attachment.name }, `${attachment.name} (${size})`);
  link.addEventListener('click', async (e) => {
    if (link.dataset.ready) return;
    e.preventDefault();
    link.href = await blobUrl(conversationId, attachment);
    link.dataset.ready = 'true';
    link.click();
  });
  if (!attachment.contentType.startsWith('image/')) return link;
  const preview = h('img', { class: 'attachment-preview', alt: attachment.name });
  blobUrl(conversationId, attachment).then((url) => { preview.src = url; }).catch(() => preview.remove());
  return h('figure', { class: 'attachment-figure' }, preview, link);
}
