-- budgetkernel's ledger script: every operation on one budget, run atomically
-- by the server. The budget is one hash, KEYS[1]: a field per dimension name
-- holding its spent total, '#gen' holding the reset generation, and a field
-- '#hold:<id>' per open reservation. One key per budget means one cluster
-- slot and no multi-key command, so a slot migration needs only ASK, never
-- TRYAGAIN. ('#' is not allowed in a dimension name: no field can collide.)
--
-- Numbers. A total is an unsigned 64-bit value stored as 16 lowercase hex
-- digits. Lua 5.1 numbers are doubles, exact only for integers below 2^53, so
-- no 64-bit value is ever a Lua number: it is split into two 32-bit halves
-- (each read from 8 hex digits with tonumber(.., 16), so each is < 2^32), and
-- every sum or difference below works on halves. The largest intermediate is
-- (2^32-1) + (2^32-1) + 1 < 2^33, exact in a double; string.format('%08x')
-- gets only values in [0, 2^32). Nothing is rounded anywhere in [0, 2^64-1].
local W = 4294967296 -- 2^32

local function parse(s)
  if not s then return 0, 0 end
  if type(s) ~= 'string' or #s ~= 16 or s:find('[^0-9a-f]') then
    error('budgetkernel: malformed 64-bit value')
  end
  return tonumber(s:sub(1, 8), 16), tonumber(s:sub(9, 16), 16)
end

local function fmt(h, l) return string.format('%08x%08x', h, l) end

-- a + b; on overflow 2^64-1 and true.
local function add(ah, al, bh, bl)
  local l = al + bl
  local c = 0
  if l >= W then l = l - W; c = 1 end
  local h = ah + bh + c
  if h >= W then return W - 1, W - 1, true end
  return h, l, false
end

-- max(a - b, 0)
local function sub0(ah, al, bh, bl)
  if ah < bh or (ah == bh and al < bl) then return 0, 0 end
  local h, l = ah - bh, al - bl
  if l < 0 then l = l + W; h = h - 1 end
  return h, l
end

local function gt(ah, al, bh, bl) return ah > bh or (ah == bh and al > bl) end

local function count(s)
  local n = tonumber(s)
  if not n or n < 1 or n > 64 or n ~= math.floor(n) then error('budgetkernel: bad dimension count') end
  return n
end

local B = KEYS[1]
local op, checked = ARGV[1], ARGV[2] == '1'
local function generation() return redis.call('HGET', B, '#gen') or '0' end

-- charge: n, then (field, amount) pairs; each charged in order, like charge<D>.
-- Reply: (before, after, refused) per pair.
if op == 'charge' then
  local n, out = count(ARGV[3]), {}
  for i = 1, n do
    local f = ARGV[2 + 2 * i]
    local bh, bl = parse(redis.call('HGET', B, f))
    local ah, al = parse(ARGV[3 + 2 * i])
    local sh, sl, over = add(bh, bl, ah, al)
    local refused = over and checked
    if refused then sh, sl = bh, bl else redis.call('HSET', B, f, fmt(sh, sl)) end
    out[#out + 1] = fmt(bh, bl); out[#out + 1] = fmt(sh, sl); out[#out + 1] = refused and '1' or '0'
  end
  return out
end

-- try / reserve: n, then (field, amount, limit) triples, then (reserve only)
-- the reservation id. All or nothing: the first triple, in order, whose sum
-- would overflow (Checked) or pass its limit refuses the whole call.
-- Reply: status ('ok', 'overflow', 'exhaust'), failing index (1-based, 0 if
-- none), generation, then (before, after) per triple.
if op == 'try' or op == 'reserve' then
  local n, out, writes = count(ARGV[3]), {}, {}
  local gen = generation()
  for i = 1, n do
    local f = ARGV[1 + 3 * i]
    local bh, bl = parse(redis.call('HGET', B, f))
    local ah, al = parse(ARGV[2 + 3 * i])
    local lh, ll = parse(ARGV[3 + 3 * i])
    local sh, sl, over = add(bh, bl, ah, al)
    if over and checked then return { 'overflow', tostring(i), gen } end
    if gt(sh, sl, lh, ll) then return { 'exhaust', tostring(i), gen } end
    writes[#writes + 1] = f; writes[#writes + 1] = fmt(sh, sl)
    out[#out + 1] = fmt(bh, bl); out[#out + 1] = fmt(sh, sl)
  end
  if op == 'reserve' then
    local id = ARGV[4 + 3 * n]
    if redis.call('HEXISTS', B, '#hold:' .. id) == 1 then error('budgetkernel: reservation id in use') end
    local held = {}
    for i = 1, n do held[i] = ARGV[2 + 3 * i] end
    writes[#writes + 1] = '#hold:' .. id; writes[#writes + 1] = table.concat(held)
  end
  redis.call('HSET', B, unpack(writes))
  local reply = { 'ok', '0', gen }
  for i = 1, #out do reply[#reply + 1] = out[i] end
  return reply
end

-- settle: id, generation ('*': any), n, then (field, actual) pairs, in the
-- order of the reservation. Each estimate is replaced by its actual, one
-- dimension after another: the difference is refunded (never below 0; a
-- total saturated at 2^64-1 stays there) or charged (saturating; under
-- Checked an extra that would overflow is refused for that dimension, whose
-- estimate stays recorded). The hold is closed in every case but stale and
-- notheld. Reply: status ('ok', 'stale', 'notheld', 'overflow'), index of
-- the first refused dimension (or 0), then (before, after) per pair.
if op == 'settle' then
  local id, want, n = ARGV[3], ARGV[4], count(ARGV[5])
  local gen = generation()
  if want ~= '*' and want ~= gen then return { 'stale', '0' } end
  local held = redis.call('HGET', B, '#hold:' .. id)
  if not held then return { 'notheld', '0' } end
  if #held ~= 16 * n then error('budgetkernel: reservation shape mismatch') end
  local out, writes, status, first = {}, {}, 'ok', '0'
  for i = 1, n do
    local f = ARGV[4 + 2 * i]
    local bh, bl = parse(redis.call('HGET', B, f))
    local eh, el = parse(held:sub(16 * i - 15, 16 * i))
    local ch, cl = parse(ARGV[5 + 2 * i])
    local sh, sl
    if gt(eh, el, ch, cl) then
      local rh, rl = sub0(eh, el, ch, cl)
      if bh == W - 1 and bl == W - 1 then sh, sl = bh, bl else sh, sl = sub0(bh, bl, rh, rl) end
    else
      local xh, xl = sub0(ch, cl, eh, el)
      local over
      sh, sl, over = add(bh, bl, xh, xl)
      if over and checked then
        sh, sl = bh, bl
        if status == 'ok' then status, first = 'overflow', tostring(i) end
      end
    end
    writes[#writes + 1] = f; writes[#writes + 1] = fmt(sh, sl)
    out[#out + 1] = fmt(bh, bl); out[#out + 1] = fmt(sh, sl)
  end
  redis.call('HDEL', B, '#hold:' .. id)
  redis.call('HSET', B, unpack(writes))
  local reply = { status, first }
  for i = 1, #out do reply[#reply + 1] = out[i] end
  return reply
end

-- reset: every total back to 0, open reservations dropped, generation + 1
-- (a count of resets: exact as a double far beyond any real count).
if op == 'reset' then
  local g = tostring(tonumber(generation()) + 1)
  redis.call('DEL', B)
  redis.call('HSET', B, '#gen', g)
  return g
end

error('budgetkernel: unknown ledger operation')
