// One LeNet convolution's training step in oneDNN 2.5.2: forward (ReLU post-op), ReLU backward, weight
// gradient and input gradient, with the images kept in plain NCHW (what the suite's layer did first) or in
// the layout each primitive chooses (format "any", with reorders from and to NCHW around the step).
//   conv_bench MB IC IH IW OC KH KW ITERS   -> one RESULT line per layout, ms per step
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include "dnnl.hpp"
using namespace dnnl;
using tag = memory::format_tag;
using dt = memory::data_type;

static double step_ms(bool any, memory::dim mb, memory::dim ic, memory::dim ih, memory::dim iw, memory::dim oc,
                      memory::dim kh, memory::dim kw, int iters, bool input_grad) {
    engine eng(engine::kind::cpu, 0);
    stream s(eng);
    memory::dim oh = ih - kh + 1, ow = iw - kw + 1;
    memory::dims src_d = {mb, ic, ih, iw}, w_d = {oc, ic, kh, kw}, b_d = {oc}, dst_d = {mb, oc, oh, ow};
    memory::desc src_plain(src_d, dt::f32, tag::nchw), dst_plain(dst_d, dt::f32, tag::nchw);
    memory::desc w_plain(w_d, dt::f32, tag::oihw), b_md(b_d, dt::f32, tag::x);
    memory::desc src_any(src_d, dt::f32, any ? tag::any : tag::nchw), dst_any(dst_d, dt::f32, any ? tag::any : tag::nchw);
    memory::desc w_any(w_d, dt::f32, tag::any);
    post_ops po; po.append_eltwise(1.f, algorithm::eltwise_relu, 0.f, 0.f);
    primitive_attr attr; attr.set_post_ops(po);
    auto fd = convolution_forward::desc(prop_kind::forward_training, algorithm::convolution_direct, src_any, w_any,
                                        b_md, dst_any, {1, 1}, {0, 0}, {0, 0});
    auto fpd = convolution_forward::primitive_desc(fd, attr, eng);
    auto bwd = convolution_backward_weights::desc(algorithm::convolution_direct, src_any, w_any, b_md, dst_any,
                                                  {1, 1}, {0, 0}, {0, 0});
    auto bwpd = convolution_backward_weights::primitive_desc(bwd, eng, fpd);
    auto bdd = convolution_backward_data::desc(algorithm::convolution_direct, src_any, w_any, dst_any, {1, 1}, {0, 0}, {0, 0});
    auto bdpd = convolution_backward_data::primitive_desc(bdd, eng, fpd);
    auto rf = eltwise_forward::primitive_desc(eltwise_forward::desc(prop_kind::forward_training,
                                              algorithm::eltwise_relu_use_dst_for_bwd, fpd.dst_desc(), 0.f, 0.f), eng);
    auto rb = eltwise_backward::primitive_desc(eltwise_backward::desc(algorithm::eltwise_relu_use_dst_for_bwd,
                                               fpd.dst_desc(), fpd.dst_desc(), 0.f, 0.f), eng, rf);
    std::printf("impl %s: fwd %s, bwd_w %s, bwd_d %s; src %s\n", any ? "any" : "nchw", fpd.impl_info_str(),
                bwpd.impl_info_str(), bdpd.impl_info_str(), fpd.src_desc() == src_plain ? "nchw" : "blocked");
    std::vector<float> x(mb * ic * ih * iw, 0.5f), y(mb * oc * oh * ow), dy(mb * oc * oh * ow, 0.01f), dx(x.size());
    std::vector<float> w(oc * ic * kh * kw, 0.1f), b(oc, 0.f), dw(w.size()), db(oc);
    memory x_u(src_plain, eng, x.data()), y_u(dst_plain, eng, y.data()), dy_u(dst_plain, eng, dy.data()),
           dx_u(src_plain, eng, dx.data()), w_u(w_plain, eng, w.data()), b_m(b_md, eng, b.data()),
           dw_u(w_plain, eng, dw.data()), db_m(b_md, eng, db.data());
    memory x_p(fpd.src_desc(), eng), y_p(fpd.dst_desc(), eng), dy_p(fpd.dst_desc(), eng), w_f(fpd.weights_desc(), eng),
           w_bd(bdpd.weights_desc(), eng), dw_p(bwpd.diff_weights_desc(), eng), dx_p(bdpd.diff_src_desc(), eng);
    reorder(w_u, w_f).execute(s, w_u, w_f);
    reorder(w_u, w_bd).execute(s, w_u, w_bd);
    bool re_src = fpd.src_desc() != src_plain, re_dst = fpd.dst_desc() != dst_plain,
         re_dx = bdpd.diff_src_desc() != src_plain;
    reorder r_x = re_src ? reorder(x_u, x_p) : reorder(), r_y = re_dst ? reorder(y_p, y_u) : reorder(),
            r_dy = re_dst ? reorder(dy_u, dy_p) : reorder(), r_dx = re_dx ? reorder(dx_p, dx_u) : reorder();
    reorder r_dw(dw_p, dw_u);
    convolution_forward f(fpd); convolution_backward_weights bw(bwpd); convolution_backward_data bdp(bdpd);
    eltwise_backward relu_b(rb);
    memory &xs = re_src ? x_p : x_u, &ys = re_dst ? y_p : y_u, &dys = re_dst ? dy_p : dy_u, &dxs = re_dx ? dx_p : dx_u;
    auto one = [&]() {
        if (re_src) r_x.execute(s, x_u, x_p);
        f.execute(s, {{DNNL_ARG_SRC, xs}, {DNNL_ARG_WEIGHTS, w_f}, {DNNL_ARG_BIAS, b_m}, {DNNL_ARG_DST, ys}});
        if (re_dst) r_y.execute(s, y_p, y_u);
        if (re_dst) r_dy.execute(s, dy_u, dy_p);
        relu_b.execute(s, {{DNNL_ARG_DST, ys}, {DNNL_ARG_DIFF_DST, dys}, {DNNL_ARG_DIFF_SRC, dys}});
        bw.execute(s, {{DNNL_ARG_SRC, xs}, {DNNL_ARG_DIFF_DST, dys}, {DNNL_ARG_DIFF_WEIGHTS, dw_p}, {DNNL_ARG_DIFF_BIAS, db_m}});
        r_dw.execute(s, dw_p, dw_u);
        if (input_grad) {
            bdp.execute(s, {{DNNL_ARG_DIFF_DST, dys}, {DNNL_ARG_WEIGHTS, w_bd}, {DNNL_ARG_DIFF_SRC, dxs}});
            if (re_dx) r_dx.execute(s, dx_p, dx_u);
        }
        s.wait();
    };
    for (int i = 0; i < 20; i++) one();
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < iters; i++) one();
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / iters;
    std::printf("RESULT %s mb%ld ic%ld %ldx%ld oc%ld k%ldx%ld input_grad %d: %.3f ms per step\n", any ? "any " : "nchw",
                (long)mb, (long)ic, (long)ih, (long)iw, (long)oc, (long)kh, (long)kw, input_grad, ms);
    return ms;
}

int main(int argc, char **argv) {
    if (argc < 10) { std::fprintf(stderr, "usage: conv_bench MB IC IH IW OC KH KW ITERS INPUT_GRAD\n"); return 2; }
    long a[9]; for (int i = 0; i < 9; i++) a[i] = std::atol(argv[i + 1]);
    step_ms(false, a[0], a[1], a[2], a[3], a[4], a[5], a[6], (int)a[7], a[8]);
    step_ms(true, a[0], a[1], a[2], a[3], a[4], a[5], a[6], (int)a[7], a[8]);
}
